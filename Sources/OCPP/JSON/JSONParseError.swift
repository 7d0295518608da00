/// Why a text is not the JSON the parser accepts, and where: the byte offset, line and column (both 1-based,
/// the column counted in bytes of UTF-8).
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in words a user can act on.
    public let message: String
    /// Offset of the offending byte from the start of the text (0-based).
    public let offset: Int
    /// Line of the offending byte (1-based).
    public let line: Int
    /// Column of the offending byte in bytes (1-based).
    public let column: Int

    /// An error at a byte offset and its line and column.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
