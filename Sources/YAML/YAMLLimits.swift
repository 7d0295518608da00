/// Bounds that keep hostile or accidental input from exhausting time, memory or the stack.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest accepted input, in bytes.
    public var maximumBytes: Int
    /// Deepest accepted nesting of sequences and mappings.
    public var maximumDepth: Int
    /// Most nodes a document may hold once every alias is expanded.
    public var maximumNodes: Int

    public init(maximumBytes: Int = 1 << 20, maximumDepth: Int = 64, maximumNodes: Int = 200_000) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
    }

    /// The limits used for scenario files: 1 MiB, 64 levels, 200,000 nodes.
    public static let standard = YAMLLimits()
}
