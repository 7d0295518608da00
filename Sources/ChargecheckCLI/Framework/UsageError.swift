/// A command line that cannot be run: printed with the command's usage line, exit code 2.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// A did-you-mean or other advice.
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "error: \(message)" + (hint.map { " (\($0))" } ?? "") }
}
