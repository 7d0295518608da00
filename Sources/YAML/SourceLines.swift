/// Small questions about the raw lines of a file, asked only when an error is being explained.
enum SourceLines {
    /// The 1-based column of a tab in the leading white space of `line`, `nil` if its indentation has none.
    static func tabInIndentation(bytes: [UInt8], line: Int) -> Int? {
        var current = 1
        var index = 0
        while current < line, index < bytes.count {
            if bytes[index] == 0x0A { current += 1 }
            index += 1
        }
        guard current == line else { return nil }
        var column = 1
        while index < bytes.count {
            switch bytes[index] {
            case 0x09: return column
            case 0x20: column += 1; index += 1
            default: return nil
            }
        }
        return nil
    }
}
