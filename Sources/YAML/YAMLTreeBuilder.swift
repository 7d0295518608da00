internal import CYAML

/// Folds libyaml events into nodes with an explicit stack, checking the limits and the rules libyaml leaves to us
/// (duplicate keys, unknown aliases, one document per file).
struct YAMLTreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var location: Location
        var anchor: String?
        var tag: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        var keys: [String: Location] = [:]
    }

    private let file: String
    private let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    private var documents = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// Takes one event; returns the root once the stream has ended.
    mutating func consume(_ event: yaml_event_t) throws(YAMLError) -> YAMLNode? {
        let location = Location(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLError(
                    .multipleDocuments, at: location,
                    "a second YAML document starts here; a scenario file holds one document (remove the '---' or split the file)")
            }
        case YAML_STREAM_END_EVENT:
            guard let root else {
                throw YAMLError(.emptyFile, at: Location(file: file, line: 1, column: 1), "the file is empty: it holds no YAML document")
            }
            return root
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = Self.string(data.value, length: data.length)
            let scalar = YAMLScalar(text: text, style: Self.style(data.style))
            let node = YAMLNode(content: .scalar(scalar), tag: Self.optionalString(data.tag), location: location)
            try add(node, anchor: Self.optionalString(data.anchor))
        case YAML_ALIAS_EVENT:
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw YAMLError(.unknownAlias, at: location, "alias '*\(name)' refers to no anchor defined before it; define '&\(name)' first")
            }
            var node = target
            node.location = location
            try add(node, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try push(Frame(isMapping: false, location: location, anchor: Self.optionalString(data.anchor), tag: Self.optionalString(data.tag)))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try push(Frame(isMapping: true, location: location, anchor: Self.optionalString(data.anchor), tag: Self.optionalString(data.tag)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            try add(YAMLNode(content: content, tag: frame.tag, location: frame.location), anchor: frame.anchor)
        default:
            break
        }
        return nil
    }

    private mutating func push(_ frame: Frame) throws(YAMLError) {
        if stack.count >= limits.maximumDepth {
            throw YAMLError(
                .tooDeep, at: frame.location,
                "nesting is deeper than \(limits.maximumDepth) levels; flatten the document")
        }
        stack.append(frame)
    }

    /// Attaches a finished node to its parent (or makes it the root) and records its anchor.
    private mutating func add(_ node: YAMLNode, anchor: String?) throws(YAMLError) {
        if node.weight > limits.maximumNodes || (root?.weight ?? 0) > limits.maximumNodes {
            throw YAMLError(
                .aliasExpansionTooLarge, at: node.location,
                "the document expands to more than \(limits.maximumNodes) nodes (aliases included); is an alias repeated too often?")
        }
        if let anchor { anchors[anchor] = node }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLNode.Pair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            if let text = node.scalar?.text {
                if let first = stack[top].keys[text] {
                    throw YAMLError(
                        .duplicateKey, at: node.location,
                        "duplicate key '\(text)' (first at line \(first.line), column \(first.column)); keep one")
                }
                stack[top].keys[text] = node.location
            }
            stack[top].pendingKey = node
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
