import Testing
@testable import OCPP

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value, keeping integers and decimals apart")
    func parsesValues() throws {
        let value = try JSONValue(parsing: #" {"a": 1, "b": 1.0, "c": -2.5e3, "d": "x\"y\u00e9\ud83d\ude00", "e": [true, false, null], "f": {}} "#)
        #expect(value["a"] == .integer(1))
        #expect(value["b"] == .decimal(1.0))
        #expect(value["c"] == .decimal(-2500))
        #expect(value["d"] == .string("x\"yé😀"))
        #expect(value["e"] == [true, false, nil])
        #expect(value["f"] == .object(JSONObject()))
        #expect(value.objectValue?.keys == ["a", "b", "c", "d", "e", "f"])
    }

    @Test("an integer too large for Int reads as a decimal")
    func largeInteger() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .integer(Int.max))
        #expect(try JSONValue(parsing: "-9223372036854775807") == .integer(-Int.max))
        #expect(try JSONValue(parsing: "92233720368547758070") == .decimal(try #require(Double("92233720368547758070"))))
    }

    @Test("round-trips through jsonText")
    func roundTrip() throws {
        let text = #"[2,"id-1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"12.5"}]}],"x":0.5,"t":"tab\there"}]"#
        #expect(try JSONValue(parsing: text).jsonText == text)
    }

    @Test("rejects bad input with a located error", arguments: [
        ("", 1, 1, "empty"),
        ("{\"a\":1,}", 1, 8, "member name"),
        ("[1 2]", 1, 4, "expected ','"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("01", 1, 1, "leading zeros"),
        ("1.", 1, 3, "digit after '.'"),
        ("-", 1, 2, "digit after '-'"),
        ("1e", 1, 3, "exponent"),
        ("tru", 1, 1, "literal"),
        ("\"abc", 1, 1, "unterminated"),
        ("\"a\u{01}\"", 1, 3, "control character"),
        ("\"\\x\"", 1, 2, "invalid escape"),
        ("\"\\ud800\"", 1, 2, "unpaired surrogate"),
        ("\"\\u12G4\"", 1, 2, "hex digit"),
        ("[1]\n  x", 2, 3, "after the JSON value"),
        ("NaN", 1, 1, "expected a JSON value"),
        ("[", 1, 2, "end of text"),
    ])
    func rejects(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try JSONParser().parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.column == column && error.message.contains(fragment)
        }
    }

    @Test("nesting is bounded, not recursive without limit")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser().parse(deep) }
        let allowed = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(try JSONParser(maxDepth: 10).parse(allowed).arrayValue != nil)
        let error = #expect(throws: JSONParseError.self) {
            try JSONParser(maxDepth: 10).parse("[" + allowed + "]")
        }
        #expect(error?.message.contains("deeper than 10") == true)
    }

    @Test("bytes that are not UTF-8 are located at the first bad byte")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array("[\"ok\",\"".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        let error = #expect(throws: JSONParseError.self) { try JSONParser().parse(bytes: bytes) }
        #expect(error?.offset == 7)
        #expect(try JSONParser().parse(bytes: Array("{\"a\":\"é\"}".utf8))["a"] == "é")
    }

    @Test("a repeated key keeps the last value")
    func duplicateKeys() throws {
        let value = try JSONValue(parsing: #"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
    }

    @Test("JSON paths render and parse as JSON Pointers")
    func paths() throws {
        let path = JSONPath(pointer: "/meterValue/0/sampledValue/1/a~1b~0c")
        #expect(path.components == [.key("meterValue"), .index(0), .key("sampledValue"), .index(1), .key("a/b~c")])
        #expect(path.description == "/meterValue/0/sampledValue/1/a~1b~0c")
        #expect(JSONPath.root.description == "/")
        let value = try JSONValue(parsing: #"{"meterValue":[{"sampledValue":[0,{"a/b~c":true}]}]}"#)
        #expect(value[path: path] == true)
        #expect(value[path: JSONPath(pointer: "/meterValue/3")] == nil)
    }
}

@Suite("JSON objects")
struct JSONObjectTests {
    @Test("a large object with repeated keys keeps first positions and last values, in linear time")
    func largeObjectDeduplication() throws {
        let members = (0..<200_000).map { JSONObject.Member(key: "k\($0 % 100_000)", value: .integer($0)) }
        let object = JSONObject(members)
        #expect(object.count == 100_000)
        #expect(object.members.first == JSONObject.Member(key: "k0", value: 100_000))
        #expect(object["k99999"] == 199_999)
        let text = "{" + (0..<50_000).map { #""a\#($0)":\#($0)"# }.joined(separator: ",") + "}"
        #expect(try JSONValue(parsing: text).objectValue?.count == 50_000)
    }
}
