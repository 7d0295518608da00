import Foundation
import Testing
@testable import OCPP

/// Compares the catalog with the published OCPP 1.6 JSON schemas in `../shared/reference/ocpp16-json-schemas/`
/// (relative to the package root). The schemas are read here only, as the reference to check against.
@Suite("Catalog against the published OCPP 1.6 JSON schemas")
struct SchemaComparisonTests {
    /// `<package root>/../shared/reference/ocpp16-json-schemas`, found from this file's path.
    static let schemaFolder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Catalog
        .deletingLastPathComponent()  // OCPPTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/reference/ocpp16-json-schemas").standardized

    static let schemasPresent = FileManager.default.fileExists(atPath: schemaFolder.path)

    @Test("every schema file has its action and every action its two schema files",
          .enabled(if: schemasPresent, "the published schemas are absent (expected ../shared/reference/ocpp16-json-schemas next to the package); comparison skipped"))
    func sameActions() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.schemaFolder.path).filter { $0.hasSuffix(".json") }
        let expected = OCPPCatalog.v16.actions.flatMap { ["\($0.name).json", "\($0.name)Response.json"] }
        #expect(Set(files) == Set(expected))
        #expect(files.count == 78)
    }

    @Test("every field, type, requiredness, enum value, length limit and format agrees",
          .enabled(if: schemasPresent, "the published schemas are absent (expected ../shared/reference/ocpp16-json-schemas next to the package); comparison skipped"),
          arguments: OCPPCatalog.v16.actions.map(\.name))
    func sameDefinitions(action name: String) throws {
        let action = try #require(OCPPCatalog.v16[name])
        for (kind, file) in [(OCPPMessageKind.request, "\(name).json"), (.response, "\(name)Response.json")] {
            let text = try String(contentsOf: Self.schemaFolder.appendingPathComponent(file), encoding: .utf8)
            let schema = try JSONValue(parsing: text)
            var comparison = Comparison(definitions: schema["definitions"]?.objectValue ?? JSONObject())
            comparison.compare(schema, .object(action.definition(kind)), at: file)
            #expect(comparison.differences.isEmpty, "\(comparison.differences.joined(separator: "\n"))")
        }
    }

    /// Walks a schema and a catalog type together and lists every difference.
    struct Comparison {
        let definitions: JSONObject
        var differences: [String] = []

        /// Keywords that carry no meaning for validation here (documentation, or `additionalProperties` on a
        /// non-object node, a quirk of the published files).
        static let ignoredKeywords: Set<String> = ["$schema", "title", "id", "$id", "description", "javaType", "definitions",
                                                   "additionalItems", "comment", "$comment"]

        mutating func compare(_ node: JSONValue, _ type: OCPPType, at location: String) {
            var node = node
            if case .string(let reference)? = node["$ref"] {
                let name = String(reference.split(separator: "/").last ?? "")
                guard let target = definitions[name] else {
                    differences.append("\(location): unresolved $ref \(reference)")
                    return
                }
                node = target
            }
            guard let object = node.objectValue else {
                differences.append("\(location): the schema node is not an object")
                return
            }
            let schemaType = object["type"]?.stringValue
            var understood: Set<String> = ["type", "$ref"]
            func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
                if !condition { differences.append("\(location): \(message())") }
            }
            switch type {
            case .integer:
                expect(schemaType == "integer", "catalog says integer, schema says \(schemaType ?? "nothing")")
            case .decimal(let multipleOf):
                expect(schemaType == "number", "catalog says decimal, schema says \(schemaType ?? "nothing")")
                expect(object["multipleOf"]?.doubleValue == multipleOf,
                       "multipleOf: catalog \(String(describing: multipleOf)), schema \(String(describing: object["multipleOf"]))")
                understood.insert("multipleOf")
            case .boolean:
                expect(schemaType == "boolean", "catalog says boolean, schema says \(schemaType ?? "nothing")")
            case .dateTime:
                expect(schemaType == "string" && object["format"] == "date-time", "catalog says dateTime, schema does not")
                understood.insert("format")
            case .string(let maxLength, let format):
                expect(schemaType == "string", "catalog says string, schema says \(schemaType ?? "nothing")")
                expect(object["maxLength"]?.doubleValue.map { Int($0) } == maxLength,
                       "maxLength: catalog \(String(describing: maxLength)), schema \(String(describing: object["maxLength"]))")
                expect(object["format"]?.stringValue == format?.rawValue,
                       "format: catalog \(String(describing: format)), schema \(String(describing: object["format"]))")
                expect(object["enum"] == nil, "schema has an enum, catalog a plain string")
                understood.formUnion(["maxLength", "format", "additionalProperties"])
            case .enumeration(let enumeration):
                expect(schemaType == "string", "catalog says enumeration, schema says \(schemaType ?? "nothing")")
                let values = object["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
                expect(Set(values) == Set(enumeration.values) && values.count == enumeration.values.count,
                       "enum values differ: only in schema \(Set(values).subtracting(enumeration.values).sorted()), only in catalog \(Set(enumeration.values).subtracting(values).sorted())")
                understood.formUnion(["enum", "additionalProperties"])
            case .array(let element, let minItems):
                expect(schemaType == "array", "catalog says array, schema says \(schemaType ?? "nothing")")
                expect(Int(object["minItems"]?.doubleValue ?? 0) == minItems,
                       "minItems: catalog \(minItems), schema \(String(describing: object["minItems"]))")
                understood.formUnion(["minItems", "items"])
                if let items = object["items"] { compare(items, element, at: location + "/[]") }
            case .object(let definition):
                expect(schemaType == "object", "catalog says object, schema says \(schemaType ?? "nothing")")
                expect(object["additionalProperties"] == .bool(false), "the schema allows additional properties")
                understood.formUnion(["properties", "required", "additionalProperties"])
                let properties = object["properties"]?.objectValue ?? JSONObject()
                let required = Set(object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                expect(Set(properties.keys) == Set(definition.fields.map(\.name)),
                       "fields differ: only in schema \(Set(properties.keys).subtracting(definition.fields.map(\.name)).sorted()), only in catalog \(Set(definition.fields.map(\.name)).subtracting(properties.keys).sorted())")
                expect(required == Set(definition.requiredFieldNames),
                       "required fields differ: schema \(required.sorted()), catalog \(definition.requiredFieldNames.sorted())")
                for member in properties {
                    if let field = definition.field(named: member.key) {
                        compare(member.value, field.type, at: location + "/" + member.key)
                    }
                }
            }
            let unknown = Set(object.keys).subtracting(understood).subtracting(Self.ignoredKeywords)
            expect(unknown.isEmpty, "schema keywords the catalog does not model: \(unknown.sorted())")
        }
    }
}
