/// One way a payload breaks the catalog: where (JSON path), which rule, the value found, and a hint.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// The rule a value broke.
    public enum Rule: String, Sendable, Hashable {
        /// The value has the wrong JSON type.
        case type
        /// A required field is missing.
        case required
        /// A field the definition does not have.
        case unknownField = "unknown-field"
        /// A string outside an enumeration.
        case enumeration = "enum"
        /// A CiString longer than its limit.
        case maxLength = "max-length"
        /// An array with fewer elements than required.
        case minItems = "min-items"
        /// A `dateTime` that is not RFC 3339 with a zone.
        case dateTime = "date-time"
        /// A `uri` field that is not an absolute URI.
        case uri
        /// A decimal that is not a multiple of the required step.
        case multipleOf = "multiple-of"
    }

    /// Whether the violation fails the payload.
    public enum Severity: String, Sendable, Hashable {
        /// Fails the payload.
        case error
        /// Accepted in lenient mode, reported so the manufacturer can fix it.
        case warning
    }

    /// Where the value is (for a missing field: where it should be).
    public let path: JSONPath
    /// The rule broken.
    public let rule: Rule
    /// Error or warning.
    public let severity: Severity
    /// The value found; `nil` when it is missing.
    public let value: JSONValue?
    /// What is wrong, in a sentence without the path.
    public let message: String
    /// What would fix it, e.g. `did you mean "Energy.Active.Import.Register"?`.
    public let hint: String?

    /// A violation at `path`.
    public init(path: JSONPath, rule: Rule, severity: Severity, value: JSONValue?, message: String, hint: String? = nil) {
        self.path = path
        self.rule = rule
        self.severity = severity
        self.value = value
        self.message = message
        self.hint = hint
    }

    /// `/path: message (hint)`, with `warning: ` in front of a warning.
    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        let suffix = hint.map { " (\($0))" } ?? ""
        return "\(prefix)\(path): \(message)\(suffix)"
    }

    /// The CALLERROR code OCPP-J 1.6 prescribes for a CALL whose payload breaks this rule.
    public var callErrorCode: OCPPErrorCode {
        switch rule {
        case .required, .minItems: .occurenceConstraintViolation
        case .type: .typeConstraintViolation
        case .unknownField: .formationViolation
        case .enumeration, .maxLength, .dateTime, .uri, .multipleOf: .propertyConstraintViolation
        }
    }
}

/// Every violation found in one payload.
public struct ValidationReport: Sendable, Hashable, CustomStringConvertible {
    /// All violations, in document order.
    public let violations: [Violation]

    /// A report of `violations` in document order.
    public init(violations: [Violation]) {
        self.violations = violations
    }

    /// A report with no violations.
    public static let clean = ValidationReport(violations: [])

    /// The violations that fail the payload.
    public var errors: [Violation] { violations.filter { $0.severity == .error } }

    /// The deviations accepted in lenient mode.
    public var warnings: [Violation] { violations.filter { $0.severity == .warning } }

    /// Whether the payload passes (no errors; warnings allowed).
    public var isValid: Bool { !violations.contains { $0.severity == .error } }

    /// One violation per line.
    public var description: String { violations.map(\.description).joined(separator: "\n") }
}
