import OCPP
import Foundation
import YAML

/// Reads one YAML document into AST values, collecting every diagnostic instead of stopping at the first.
///
/// It also tracks the variables in scope while steps are read in execution order, so an undefined variable is
/// reported where it is written.
final class DocumentReader {
    let file: String
    /// The OCPP catalog that action names and payloads are checked against; `nil` skips those checks.
    let catalog: OCPPCatalog?
    private(set) var diagnostics: [Diagnostic] = []
    /// Names defined so far: `given`, captures of earlier steps, loop variables, runner-provided names.
    var scope: Set<String> = Environment.runnerProvidedNames

    init(file: String, catalog: OCPPCatalog?) {
        self.file = file
        self.catalog = catalog
    }

    func error(_ message: String, at location: Location, hint: String? = nil) {
        diagnostics.append(.error(message, at: location, hint: hint))
    }

    func warning(_ message: String, at location: Location, hint: String? = nil) {
        diagnostics.append(.warning(message, at: location, hint: hint))
    }

    func append(_ more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }

    /// Runs `body` with extra names in scope, then restores the scope.
    func withScope<T>(adding names: some Sequence<String>, _ body: () -> T) -> T {
        let saved = scope
        scope.formUnion(names)
        defer { scope = saved }
        return body()
    }

    // MARK: Mappings

    /// The mapping's entries, checking every key is in `allowed` (else an error with a did-you-mean).
    func fields(of node: YAMLNode, allowed: [String], what: String) -> Fields? {
        guard let pairs = node.mapping else {
            error("\(what) must be a mapping, found \(describe(node))", at: node.location)
            return nil
        }
        var entries: [String: YAMLNode.Pair] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                error("keys of \(what) must be names, found a \(pair.key.kindName)", at: pair.key.location)
                continue
            }
            guard allowed.contains(key) else {
                unknownKey(key, at: pair.key.location, allowed: allowed, what: what)
                continue
            }
            entries[key] = pair
        }
        return Fields(node: node, entries: entries)
    }

    static let mergeKeyMessage = "merge keys ('<<') are not supported; write the keys out, or share steps with 'uses:'"

    func unknownKey(_ key: String, at location: Location, allowed: [String], what: String) {
        if key == "<<" { return }  // reported by PlainYAMLCheck wherever it appears
        let hint = Suggestions.didYouMean(key, among: allowed) ?? "\(what) accepts: \(allowed.joined(separator: ", "))"
        error("unknown key '\(key)' in \(what)", at: location, hint: hint)
    }

    /// A required entry, or an error at the mapping when it is missing.
    func required(_ key: String, in fields: Fields, what: String) -> YAMLNode? {
        guard let node = fields[key] else {
            error("\(what) needs '\(key):'", at: fields.location)
            return nil
        }
        return node
    }

    // MARK: Scalars

    /// "a sequence", "a mapping", "the number 3", "the string \"x\"" for messages.
    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch scalar.coreValue {
            case .null: return "nothing (null)"
            case .bool(let flag): return "the boolean \(flag)"
            case .integer(let value): return "the number \(value)"
            case .float: return "the number \(scalar.text)"
            case .string(let text): return "'\(text.count > 40 ? String(text.prefix(37)) + "…" : text)'"
            }
        }
    }

    /// The scalar's text; the schema wants a string, so `0x10`, `on` or `1e3` stay exactly as written.
    func string(_ node: YAMLNode, what: String) -> String? {
        guard let scalar = node.scalar, !(scalar.isPlain && scalar.coreValue == .null) else {
            error("\(what) must be a string, found \(describe(node))", at: node.location)
            return nil
        }
        return scalar.text
    }

    /// A string that is not empty and has no `${` (names, ids, actions).
    func name(_ node: YAMLNode, what: String) -> String? {
        guard let text = string(node, what: what) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            error("\(what) must not be empty", at: node.location)
            return nil
        }
        if Interpolation.mayContainExpression(text) {
            error("\(what) cannot use '${…}'; it is read before any variable exists", at: node.location)
            return nil
        }
        return text
    }

    /// `true` or `false` (YAML 1.2: `yes`, `on` are not booleans).
    func bool(_ node: YAMLNode, what: String) -> Bool? {
        if let scalar = node.scalar, scalar.isPlain, case .bool(let flag) = scalar.coreValue { return flag }
        let hint = ["yes", "no", "on", "off", "y", "n"].contains(node.scalar?.text.lowercased() ?? "") ? "write true or false (YAML 1.2)" : nil
        error("\(what) must be true or false, found \(describe(node))", at: node.location, hint: hint)
        return nil
    }

    /// An integer in `range`.
    func integer(_ node: YAMLNode, what: String, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = node.scalar, scalar.isPlain, case .integer(let value) = scalar.coreValue else {
            error("\(what) must be an integer, found \(describe(node))", at: node.location)
            return nil
        }
        guard range.contains(value) else {
            error("\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)", at: node.location)
            return nil
        }
        return value
    }

    /// A positive duration such as `30s`, `1m30s`, `500ms`.
    func duration(_ node: YAMLNode, what: String) -> Duration? {
        guard let scalar = node.scalar, scalar.coreValue != .null else {
            error("\(what) must be \(DurationText.expectedForm), found \(describe(node))", at: node.location)
            return nil
        }
        guard let duration = DurationText.parse(scalar.text), duration > .zero else {
            var hint: String? = nil
            if case .integer(let number) = scalar.coreValue { hint = "add a unit: \(number)s or \(number)ms" }
            error("'\(scalar.text)' is not a valid duration; expected \(DurationText.expectedForm)", at: node.location, hint: hint)
            return nil
        }
        return duration
    }

    /// A list of names; a single string is accepted as a one-element list.
    func names(_ node: YAMLNode, what: String) -> [String]? {
        if node.scalar != nil { return name(node, what: what).map { [$0] } }
        guard let items = node.sequence else {
            error("\(what) must be a list of strings, found \(describe(node))", at: node.location)
            return nil
        }
        var result: [String] = []
        for item in items {
            if let text = name(item, what: "each of \(what)") {
                if result.contains(text) {
                    warning("'\(text)' is listed twice in \(what)", at: item.location)
                } else {
                    result.append(text)
                }
            }
        }
        return result
    }

    /// One of an enum's raw values, with a did-you-mean.
    func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, what: String, of type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(node, what: what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let options = T.allCases.map(\.rawValue)
        error("'\(text)' is not a valid \(what)", at: node.location, hint: Suggestions.didYouMean(text, among: options) ?? "use one of: \(options.joined(separator: ", "))")
        return nil
    }
}
