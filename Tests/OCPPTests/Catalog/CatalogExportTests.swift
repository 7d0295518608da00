import Testing
@testable import OCPP

@Suite("Catalog exports: JSON Schema and Markdown")
struct CatalogExportTests {
    @Test("the generated JSON Schema of every payload agrees with the catalog", arguments: OCPPCatalog.v16.actions.map(\.name))
    func jsonSchema(action name: String) throws {
        let action = try #require(OCPPCatalog.v16[name])
        for kind in [OCPPMessageKind.request, .response] {
            let schema = action.jsonSchema(kind)
            #expect(schema["$schema"] == "http://json-schema.org/draft-07/schema#")
            var comparison = SchemaComparisonTests.Comparison(definitions: JSONObject())
            comparison.compare(schema, .object(action.definition(kind)), at: "\(name) \(kind)")
            #expect(comparison.differences.isEmpty, "\(comparison.differences)")
        }
    }

    @Test("the Markdown reference lists every action and nested field paths")
    func markdown() {
        let text = OCPPCatalog.v16.markdownReference()
        for action in OCPPCatalog.v16.actions { #expect(text.contains("### \(action.name)\n")) }
        #expect(text.contains("| `meterValue[].sampledValue[].measurand` | Measurand | no |"))
        #expect(text.contains("| `idTag` | CiString20 | yes | at most 20 characters |"))
        #expect(text.contains("**Response** (`Heartbeat.conf`)\n\n| Field"))
        #expect(text.contains("**Response** (`StatusNotification.conf`): empty object `{}`."))
    }
}
