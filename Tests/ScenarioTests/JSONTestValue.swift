import OCPP
import YAML

/// JSON text to a ``JSONValue`` for tests, through the YAML parser (JSON is YAML's flow syntax) and core typing.
enum JSONTestValue {
    struct NotJSON: Error {}

    static func parse(_ text: String) throws -> JSONValue {
        try value(of: YAMLParser.parse(Array(text.utf8), file: "payload.json"))
    }

    private static func value(of node: YAMLNode) throws -> JSONValue {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.coreValue {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .integer(let number): return .integer(number)
            case .float(let number): return .decimal(number)
            case .string(let text): return .string(text)
            }
        case .sequence(let items):
            return .array(try items.map(value(of:)))
        case .mapping(let pairs):
            return .object(JSONObject(try pairs.map { pair in
                guard let key = pair.key.scalar?.text else { throw NotJSON() }
                return JSONObject.Member(key: key, value: try value(of: pair.value))
            }))
        }
    }
}
