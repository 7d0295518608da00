import YAML

/// Reports explicit YAML tags (`!include`, `!!int`): scenario files are plain YAML so editors can validate them.
enum TagCheck {
    /// Walks the tree with an explicit stack (no recursion) and reports each tagged node.
    static func report(in root: YAMLNode, to reader: DocumentReader) {
        var pending = [root]
        var visited = 0
        while let node = pending.popLast(), visited < 100_000 {
            visited += 1
            if let tag = node.tag, tag != "!" {
                reader.error("YAML tags such as '\(tag)' are not supported; scenario files are plain YAML (quote a value to make it a string)", at: node.location)
            }
            switch node.content {
            case .scalar: break
            case .sequence(let items): pending.append(contentsOf: items.reversed())
            case .mapping(let pairs):
                for pair in pairs.reversed() {
                    pending.append(pair.value)
                    pending.append(pair.key)
                }
            }
        }
    }
}
