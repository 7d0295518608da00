import YAML

/// The entries of a YAML mapping by key, after the loader checked the keys against a table.
struct Fields {
    /// The mapping node itself.
    let node: YAMLNode
    private let entries: [String: YAMLNode.Pair]

    init(node: YAMLNode, entries: [String: YAMLNode.Pair]) {
        self.node = node
        self.entries = entries
    }

    /// The value of `key`, `nil` when absent.
    subscript(key: String) -> YAMLNode? { entries[key]?.value }

    /// The key node of `key`, for locating messages about the key itself.
    func keyNode(_ key: String) -> YAMLNode? { entries[key]?.key }

    /// Which of `keys` are present, in the order given.
    func present(_ keys: [String]) -> [String] { keys.filter { entries[$0] != nil } }

    var location: Location { node.location }
}
