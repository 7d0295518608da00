import OCPP
import YAML

extension DocumentReader {
    /// A payload template. With a catalog `type`, scalars are typed by the schema (a plain `60` where a string is
    /// wanted is the string "60"; `on` stays "on") and checked: unknown fields, wrong types, bad enum values, and with
    /// `requireAll` missing required fields. Without one, YAML 1.2 core typing applies. `${…}` may appear anywhere.
    func template(_ node: YAMLNode, extraNames: Set<String> = [], type: OCPPType? = nil, field: String = "payload", requireAll: Bool = false) -> Template? {
        switch node.content {
        case .scalar(let scalar):
            if Interpolation.mayContainExpression(scalar.text) {
                return interpolation(node, what: "a value", extraNames: extraNames).map { interpolation in
                    interpolation.constantText.map { .constant(.string($0)) } ?? .interpolation(interpolation)
                }
            }
            if let type { return typedScalar(scalar, at: node, as: type, field: field).map(Template.constant) }
            switch scalar.coreValue {
            case .null: return .constant(.null)
            case .bool(let flag): return .constant(.bool(flag))
            case .integer(let value): return .constant(.integer(value))
            case .float(let value):
                guard value.isFinite else {
                    error("'\(scalar.text)' is not a JSON number; quote it to send a string", at: node.location)
                    return nil
                }
                return .constant(.decimal(value))
            case .string(let text): return .constant(.string(text))
            }
        case .sequence(let items):
            let (ok, element) = elementType(of: type, for: node, field: field)
            guard ok else { return nil }
            var elements: [Template] = []
            var failed = false
            for item in items {
                if let value = template(item, extraNames: extraNames, type: element, field: field, requireAll: requireAll) { elements.append(value) } else { failed = true }
            }
            return failed ? nil : .makeArray(elements)
        case .mapping(let pairs):
            let (ok, fields) = fieldTypes(of: type, for: node, pairs: pairs, field: field, requireAll: requireAll)
            guard ok else { return nil }
            let members = self.members(pairs, types: fields) { key, value, type in
                template(value, extraNames: extraNames, type: type, field: key, requireAll: requireAll)
            }
            return members.map { .makeObject($0.map { Template.Member(key: $0.key, value: $0.value) }) }
        }
    }
}
