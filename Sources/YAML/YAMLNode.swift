/// One node of a parsed YAML document: immutable, Sendable, and located.
///
/// Scalars keep their text and style; typing is left to the consumer (schema-directed, YAML 1.2 core rules through
/// ``YAMLScalar/coreValue``), so `"1"` stays a string and `on` never becomes a boolean behind anyone's back.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    /// A key and its value in a mapping, in document order.
    public struct Pair: Sendable, Hashable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The node's content.
    public var content: Content
    /// The explicit tag (`!foo`, `tag:yaml.org,2002:str`), `nil` when the node has none.
    public var tag: String?
    /// Where the node starts.
    public var location: Location
    /// Nodes in this subtree, alias expansions included; bounds the work a consumer does walking the tree.
    public var weight: Int

    public init(content: Content, tag: String? = nil, location: Location) {
        self.content = content
        self.tag = tag
        self.location = location
        switch content {
        case .scalar: weight = 1
        case .sequence(let items): weight = items.reduce(1) { $0 &+ $1.weight }
        case .mapping(let pairs): weight = pairs.reduce(1) { $0 &+ $1.key.weight &+ $1.value.weight }
        }
    }

    /// The scalar, `nil` for a sequence or mapping.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items of a sequence, `nil` otherwise.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs of a mapping, `nil` otherwise.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// "scalar", "sequence" or "mapping", for messages.
    public var kindName: String {
        switch content {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }
}
