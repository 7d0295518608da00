/// Checks payloads against the catalog's definitions and returns every violation.
public struct PayloadValidator: Sendable {
    /// Strict (deviations fail) or lenient (common deviations become warnings).
    public var mode: ValidationMode
    /// The catalog that defines the actions.
    public var catalog: OCPPCatalog

    /// A validator in `mode` over `catalog` (strict OCPP 1.6 by default).
    public init(mode: ValidationMode = .strict, catalog: OCPPCatalog = .v16) {
        self.mode = mode
        self.catalog = catalog
    }

    /// Checks an action's request or response payload. An action missing from the catalog gives `nil`.
    public func validate(_ payload: JSONValue, action: String, _ kind: OCPPMessageKind) -> ValidationReport? {
        guard let action = catalog[action] else { return nil }
        return validate(payload, against: action.definition(kind))
    }

    /// Checks `payload` against `definition`.
    public func validate(_ payload: JSONValue, against definition: OCPPObjectDefinition) -> ValidationReport {
        var walk = Walk(mode: mode)
        walk.check(payload, .object(definition))
        return ValidationReport(violations: walk.violations)
    }

    /// Checks `value` against any catalog type (for a single field, e.g. in the scenario linter).
    public func validate(_ value: JSONValue, against type: OCPPType) -> ValidationReport {
        var walk = Walk(mode: mode)
        walk.check(value, type)
        return ValidationReport(violations: walk.violations)
    }
}

extension PayloadValidator {
    /// One pass over a value. The path is kept as a stack and only rendered when a violation is recorded.
    struct Walk {
        let mode: ValidationMode
        var path: [JSONPath.Component] = []
        var violations: [Violation] = []

        init(mode: ValidationMode) {
            self.mode = mode
        }

        mutating func report(_ rule: Violation.Rule, _ value: JSONValue?, _ message: String, hint: String? = nil) {
            violations.append(Violation(path: JSONPath(components: path), rule: rule, severity: .error, value: value,
                                        message: message, hint: hint))
        }

        /// Records a deviation that lenient mode accepts: a warning there, an error in strict mode.
        mutating func deviation(_ rule: Violation.Rule, _ value: JSONValue?, _ message: String, hint: String? = nil) {
            let severity: Violation.Severity = mode == .lenient ? .warning : .error
            violations.append(Violation(path: JSONPath(components: path), rule: rule, severity: severity, value: value,
                                        message: message, hint: hint))
        }

        mutating func typeMismatch(_ value: JSONValue, _ type: OCPPType) {
            let expected = switch type {
            case .object(let definition): "an object (\(definition.name))"
            case .enumeration(let enumeration): "a string (\(enumeration.name))"
            case .dateTime: "a string (dateTime)"
            case .array: "an array"
            default: "\(article(type.displayName)) \(type.displayName)"
            }
            report(.type, value, "expected \(expected), found \(describe(value))")
        }

        mutating func check(_ value: JSONValue, _ type: OCPPType) {
            switch type {
            case .integer: checkInteger(value)
            case .decimal(let multipleOf): checkDecimal(value, multipleOf: multipleOf, type: type)
            case .string(let maxLength, let format): checkString(value, maxLength: maxLength, format: format, type: type)
            case .boolean: checkBoolean(value, type: type)
            case .dateTime: checkDateTime(value, type: type)
            case .enumeration(let enumeration): checkEnumeration(value, enumeration, type: type)
            case .object(let definition): checkObject(value, definition, type: type)
            case .array(let element, let minItems): checkArray(value, element: element, minItems: minItems, type: type)
            }
        }

        mutating func checkInteger(_ value: JSONValue) {
            switch value {
            case .integer: return
            case .decimal(let number) where number == number.rounded() && abs(number) < 9.0e15:
                deviation(.type, value, "expected an integer, found the decimal \(value.jsonText)",
                          hint: "send \(Int(number)) without a fraction")
            case .string(let text) where Int(text) != nil:
                deviation(.type, value, "expected an integer, found the string \"\(text)\"",
                          hint: "send the number without quotes")
            default:
                typeMismatch(value, .integer)
            }
        }

        mutating func checkDecimal(_ value: JSONValue, multipleOf: Double?, type: OCPPType) {
            let number: Double
            switch value {
            case .integer(let integer): number = Double(integer)
            case .decimal(let decimal): number = decimal
            case .string(let text) where Double(text)?.isFinite == true:
                deviation(.type, value, "expected a decimal, found the string \"\(text)\"",
                          hint: "send the number without quotes")
                return
            default:
                typeMismatch(value, type)
                return
            }
            if let step = multipleOf, !Self.isMultiple(number, of: step) {
                report(.multipleOf, value, "\(value.jsonText) is not a multiple of \(step)")
            }
        }

        /// Whether `number` is a multiple of `step`, tolerating binary floating-point error (1.7 is a multiple of 0.1).
        static func isMultiple(_ number: Double, of step: Double) -> Bool {
            let quotient = number / step
            return abs(quotient - quotient.rounded()) < 1e-6
        }

        mutating func checkString(_ value: JSONValue, maxLength: Int?, format: OCPPType.StringFormat?, type: OCPPType) {
            let text: String
            switch value {
            case .string(let string): text = string
            case .integer, .decimal:
                deviation(.type, value, "expected a string, found the number \(value.jsonText)",
                          hint: "send it in quotes: \"\(value.jsonText)\"")
                return
            case .bool(let flag):
                deviation(.type, value, "expected a string, found the boolean \(flag)",
                          hint: "send it in quotes: \"\(flag)\"")
                return
            default:
                typeMismatch(value, type)
                return
            }
            if let maxLength, text.utf8.count > maxLength {
                let length = text.count
                if length > maxLength {
                    report(.maxLength, value,
                           "\(describe(value, limit: 40)) has \(length) characters; \(type.displayName) allows at most \(maxLength)")
                }
            }
            if format == .uri, !Self.isAbsoluteURI(text) {
                report(.uri, value, "\(describe(value, limit: 60)) is not an absolute URI",
                       hint: "write a scheme and a location, e.g. ftp://host/path")
            }
        }

        /// An RFC 3986 absolute URI: a scheme, a colon, then no spaces or control characters.
        static func isAbsoluteURI(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            guard let colon = scalars.firstIndex(of: ":"), colon > 0, colon + 1 < scalars.count else { return false }
            guard scalars[0].isASCII, scalars[0].properties.isAlphabetic else { return false }
            for scalar in scalars[..<colon] {
                guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "+" || scalar == "-" || scalar == "." else { return false }
            }
            return !scalars[(colon + 1)...].contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "<" || $0 == ">" }
        }

        mutating func checkBoolean(_ value: JSONValue, type: OCPPType) {
            switch value {
            case .bool: return
            case .string(let text) where text.lowercased() == "true" || text.lowercased() == "false":
                deviation(.type, value, "expected a boolean, found the string \"\(text)\"",
                          hint: "send \(text.lowercased()) without quotes")
            default:
                typeMismatch(value, type)
            }
        }

        mutating func checkDateTime(_ value: JSONValue, type: OCPPType) {
            guard case .string(let text) = value else {
                typeMismatch(value, type)
                return
            }
            switch RFC3339.check(text) {
            case .valid: return
            case .deviation(let problem):
                deviation(.dateTime, value, "\(describe(value)) is not an RFC 3339 date-time: \(problem)",
                          hint: "write e.g. 2026-01-31T13:45:00Z")
            case .invalid(let problem):
                report(.dateTime, value, "\(describe(value, limit: 40)) is not an RFC 3339 date-time: \(problem)",
                       hint: "write e.g. 2026-01-31T13:45:00Z")
            }
        }

        mutating func checkEnumeration(_ value: JSONValue, _ enumeration: OCPPEnumeration, type: OCPPType) {
            guard case .string(let text) = value else {
                typeMismatch(value, type)
                return
            }
            if enumeration.contains(text) { return }
            if let match = enumeration.caseInsensitiveMatch(for: text) {
                deviation(.enumeration, value, "\"\(text)\" is \"\(match)\" in the wrong case; enumerations are case-sensitive",
                          hint: "send \"\(match)\"")
                return
            }
            let suggestions = Suggestions.closest(to: text, among: enumeration.values, limit: 1)
            let hint: String
            if suggestions.isEmpty {
                hint = enumeration.values.count <= 8
                    ? "one of " + enumeration.values.map { "\"\($0)\"" }.joined(separator: ", ")
                    : "see the \(enumeration.name) values in the OCPP 1.6 specification"
            } else {
                hint = String(Suggestions.phrase(suggestions).dropFirst(2).dropLast())
            }
            report(.enumeration, value,
                   "\(describe(value, limit: 40)) is not one of the \(enumeration.values.count) \(enumeration.noun)", hint: hint)
        }

        mutating func checkObject(_ value: JSONValue, _ definition: OCPPObjectDefinition, type: OCPPType) {
            guard case .object(let object) = value else {
                typeMismatch(value, type)
                return
            }
            var requiredFound = 0
            for member in object.members {
                path.append(.key(member.key))
                if let field = definition.field(named: member.key) {
                    if field.isRequired { requiredFound += 1 }
                    check(member.value, field.type)
                } else {
                    let suggestions = Suggestions.closest(to: member.key, among: definition.fields.map(\.name), limit: 1)
                    let hint = suggestions.isEmpty
                        ? (definition.fields.isEmpty ? "\(definition.name) must be {}" : nil)
                        : String(Suggestions.phrase(suggestions).dropFirst(2).dropLast())
                    deviation(.unknownField, member.value,
                              "\"\(Suggestions.abbreviated(member.key))\" is not a field of \(definition.name)",
                              hint: hint)
                }
                path.removeLast()
            }
            let requiredCount = definition.requiredCount
            if requiredFound < requiredCount {
                for field in definition.fields where field.isRequired && object[field.name] == nil {
                    path.append(.key(field.name))
                    report(.required, nil, "required field \"\(field.name)\" (\(field.type.displayName)) is missing")
                    path.removeLast()
                }
            }
        }

        mutating func checkArray(_ value: JSONValue, element: OCPPType, minItems: Int, type: OCPPType) {
            guard case .array(let elements) = value else {
                typeMismatch(value, type)
                return
            }
            if elements.count < minItems {
                report(.minItems, value, "the array has \(elements.count) elements; at least \(minItems) required")
            }
            for (index, item) in elements.enumerated() {
                path.append(.index(index))
                check(item, element)
                path.removeLast()
            }
        }

        func article(_ word: String) -> String {
            guard let first = word.first else { return "a" }
            return "aeiouAEIOU".contains(first) ? "an" : "a"
        }

        /// A value for a message: strings quoted (and shortened beyond `limit` characters), others by type.
        func describe(_ value: JSONValue, limit: Int = 80) -> String {
            switch value {
            case .string(let text):
                let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
                return "\"\(shown)\""
            case .integer, .decimal: return "the number \(value.jsonText)"
            case .bool(let flag): return "the boolean \(flag)"
            case .null: return "null"
            case .array: return "an array"
            case .object: return "an object"
            }
        }
    }
}
