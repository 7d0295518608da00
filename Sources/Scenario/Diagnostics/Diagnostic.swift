public import YAML

/// One problem found in a scenario file, with its place: printed as `file:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var location: Location
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it (a did-you-mean, a valid list), printed as a `note:` line.
    public var hint: String?

    public init(_ severity: Severity, at location: Location, _ message: String, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: Location, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: Location, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    /// `file:line:column: error: message`, then `file:line:column: note: hint` when there is a hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n\(location): note: \(hint)" }
        return text
    }
}

extension YAMLError {
    /// The YAML error as a scenario diagnostic.
    public var diagnostic: Diagnostic { .error(message, at: location) }
}
