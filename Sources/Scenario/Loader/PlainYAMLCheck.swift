import YAML

/// Reports YAML features scenario files do not use, so editors can validate them: explicit tags (`!include`,
/// `!!int`) and merge keys (`<<`).
enum PlainYAMLCheck {
    /// Walks the tree with an explicit stack (no recursion) and reports each tagged node and merge key.
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
                    if let key = pair.key.scalar, key.isPlain, key.text == "<<" {
                        reader.error(DocumentReader.mergeKeyMessage, at: pair.key.location)
                    }
                    pending.append(pair.value)
                    pending.append(pair.key)
                }
            }
        }
    }
}
