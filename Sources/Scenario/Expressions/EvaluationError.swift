public import OCPP

/// Why an expression could not be evaluated at run time (a missing field, a type mismatch, division by zero…).
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression (as written back) in which it happened.
    public var expression: String
    /// What went wrong.
    public var message: String
    /// Where in a payload template the expression sits (`/idTagInfo/status`), `nil` outside templates.
    public var path: JSONPath?

    public init(expression: String, message: String, path: JSONPath? = nil) {
        self.expression = expression
        self.message = message
        self.path = path
    }

    public var description: String {
        (path.map { "at \($0): " } ?? "") + "in '${\(expression)}': \(message)"
    }
}
