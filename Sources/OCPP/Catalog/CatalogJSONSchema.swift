/// JSON Schema (draft-07) fragments generated from the catalog, for editor schemas of scenario payloads.
/// Generated from the same definitions the validator uses, so they cannot drift apart.
extension OCPPType {
    /// This type as a JSON Schema fragment.
    public var jsonSchema: JSONValue {
        switch self {
        case .integer: return ["type": "integer"]
        case .decimal(let multipleOf):
            var schema: JSONObject = ["type": "number"]
            if let multipleOf { schema["multipleOf"] = .decimal(multipleOf) }
            return .object(schema)
        case .string(let maxLength, let format):
            var schema: JSONObject = ["type": "string"]
            if let maxLength { schema["maxLength"] = .integer(maxLength) }
            if let format { schema["format"] = .string(format.rawValue) }
            return .object(schema)
        case .boolean: return ["type": "boolean"]
        case .dateTime: return ["type": "string", "format": "date-time"]
        case .enumeration(let enumeration):
            return ["type": "string", "title": .string(enumeration.name), "enum": .array(enumeration.values.map { .string($0) })]
        case .object(let definition): return definition.jsonSchema
        case .array(let element, let minItems):
            var schema: JSONObject = ["type": "array", "items": element.jsonSchema]
            if minItems > 0 { schema["minItems"] = .integer(minItems) }
            return .object(schema)
        }
    }
}

extension OCPPObjectDefinition {
    /// The object as a JSON Schema fragment: its properties, the required ones, no others.
    public var jsonSchema: JSONValue {
        var properties = JSONObject()
        for field in fields { properties[field.name] = field.type.jsonSchema }
        var schema: JSONObject = ["type": "object", "title": .string(name), "properties": .object(properties)]
        let required = requiredFieldNames
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        schema["additionalProperties"] = false
        return .object(schema)
    }
}

extension OCPPAction {
    /// The request or response payload as a standalone JSON Schema document.
    public func jsonSchema(_ kind: OCPPMessageKind) -> JSONValue {
        guard case .object(var schema) = definition(kind).jsonSchema else { return definition(kind).jsonSchema }
        schema = JSONObject([JSONObject.Member(key: "$schema", value: "http://json-schema.org/draft-07/schema#")] + schema.members)
        return .object(schema)
    }
}
