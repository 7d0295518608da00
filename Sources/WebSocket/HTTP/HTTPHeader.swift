/// One HTTP header field as received or sent.
public struct HTTPHeader: Sendable, Hashable, CustomStringConvertible {
    /// The field name as sent (compare case-insensitively).
    public var name: String
    /// The field value, trimmed.
    public var value: String

    /// A header field `name: value`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name): \(value)" }
}
