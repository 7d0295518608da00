/// A place in a source file: 1-based line and column (columns count Unicode scalars, as libyaml does).
public struct Location: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file path as the user gave it (kept relative when it was relative, so messages stay short).
    public var file: String
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the compiler convention that editors and CI logs make clickable.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
