/// A PKI operation that failed, with OpenSSL's reason.
public struct PKIError: Error, Sendable, CustomStringConvertible {
    /// What was being done, with the file concerned.
    public var operation: String
    /// OpenSSL's or the file system's reason.
    public var reason: String

    public var description: String { "\(operation): \(reason)" }

    init(_ operation: String) {
        self.operation = operation
        self.reason = OpenSSLErrors.drain(or: "OpenSSL reported no detail")
    }

    init(_ operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }
}
