import Foundation
import OCPP
import Scenario
import Testing

/// Keeps `grammar/scenario.schema.json` and the loader's key tables (``LanguageKeys``) in agreement, and checks that
/// every shipped scenario validates against the schema.
@Suite("Schema and loader agree")
struct SchemaAgreementTests {
    private static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.schema))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private static func definitions() throws -> [String: [String: Any]] {
        try #require(try schema()["definitions"] as? [String: [String: Any]])
    }

    /// Schema definition → the loader's key table for it.
    private static var tables: [String: [String]] {
        var tables: [String: [String]] = [
            "scenarioFile": LanguageKeys.scenario, "fixtureFile": LanguageKeys.fixture, "suiteFile": LanguageKeys.suite,
            "requires": LanguageKeys.requires, "include": LanguageKeys.include, "replyEntry": LanguageKeys.reply,
            "replyError": LanguageKeys.replyError, "matchError": LanguageKeys.replyError, "verdictRule": LanguageKeys.verdictRule,
            "matcherOperators": LanguageKeys.matcherOperators,
        ]
        for (verb, keys) in LanguageKeys.steps { tables["step-\(verb)"] = keys }
        return tables
    }

    @Test("each mapping's keys are the same in the schema and the loader", arguments: tables.keys.sorted())
    func keysAgree(_ definition: String) throws {
        let properties = try #require(try Self.definitions()[definition]?["properties"] as? [String: Any], "no definition \(definition)")
        #expect(Set(properties.keys) == Set(try #require(Self.tables[definition])))
    }

    @Test func everyDefinitionWithKeysIsCheckedAgainstTheLoader() throws {
        let withProperties = try Self.definitions().filter { $0.value["properties"] != nil }.map(\.key)
        #expect(Set(withProperties) == Set(Self.tables.keys))
    }

    @Test func stepAlternativesAreExactlyTheVerbs() throws {
        let alternatives = try #require(try Self.definitions()["step"]?["oneOf"] as? [[String: String]])
        #expect(alternatives.compactMap { $0["$ref"] } == LanguageKeys.verbs.map { "#/definitions/step-\($0)" })
    }

    @Test func everyKeyHasADescription() throws {
        var missing: [String] = []
        var pending: [(String, Any)] = [("#", try Self.schema())]
        while let (path, node) = pending.popLast() {
            if let object = node as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] {
                    for (key, value) in properties where (value as? [String: Any])?["description"] == nil {
                        missing.append("\(path)/properties/\(key)")
                    }
                }
                for (key, value) in object { pending.append(("\(path)/\(key)", value)) }
            } else if let array = node as? [Any] {
                for (index, value) in array.enumerated() { pending.append(("\(path)/\(index)", value)) }
            }
        }
        #expect(missing == [])
    }

    @Test(.enabled(if: PythonJSONSchema.isAvailable, "python3 with jsonschema is not installed"))
    func shippedScenariosValidateAgainstTheSchema() throws {
        let files = RepositoryPaths.scenarioFiles()
        try #require(!files.isEmpty)
        let documents = try files.map { ($0, try JSONTestValue.parse(String(contentsOfFile: $0, encoding: .utf8))) }
        #expect(try PythonJSONSchema.validate(documents) == [:])
    }

    @Test(.enabled(if: PythonJSONSchema.isAvailable, "python3 with jsonschema is not installed"))
    func schemaRejectsWhatTheLoaderRejects() throws {
        let documents: [(String, JSONValue)] = [
            ("unknown-verb", ["scenario": "x", "steps": [["sned": "Reset"]]]),
            ("two-verbs", ["scenario": "x", "steps": [["send": "Reset", "expect": "Heartbeat"]]]),
            ("bad-duration", ["scenario": "x", "steps": [["wait": "30"]]]),
            ("unknown-key", ["scenario": "x", "steps": [], "stesp": []]),
            ("unknown-operator", ["scenario": "x", "steps": [["expect": "Heartbeat", "match": ["a": ["$gtt": 1]]]]]),
        ]
        let failures = try PythonJSONSchema.validate(documents)
        #expect(Set(failures.keys) == Set(documents.map(\.0)))
    }
}

/// Validates JSON documents with Python's `jsonschema` package (when installed) against the scenario schema.
enum PythonJSONSchema {
    static let isAvailable: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

    /// Names of the documents that fail, with the first error of each.
    static func validate(_ documents: [(String, JSONValue)]) throws -> [String: String] {
        let folder = NSTemporaryDirectory() + "chargecheck-schema-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle: JSONValue = .object(JSONObject(documents.map { JSONObject.Member(key: $0.0, value: $0.1) }))
        try bundle.jsonText.write(toFile: folder + "/documents.json", atomically: true, encoding: .utf8)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft7Validator(schema)
            failures = {}
            for name, document in json.load(open(sys.argv[2])).items():
                errors = list(validator.iter_errors(document))
                if errors: failures[name] = errors[0].message
            print(json.dumps(failures))
            """
        let result = try run(["-c", script, RepositoryPaths.schema, folder + "/documents.json"])
        guard result.status == 0, let failures = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: String] else {
            throw ValidatorFailed(output: result.output)
        }
        return failures
    }

    struct ValidatorFailed: Error {
        let output: String
    }

    struct TimedOut: Error {}

    /// Runs python3 with `arguments`, waiting at most 60 seconds.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { process in
            process.waitUntilExit() // returns at once; without it Foundation never frees the Process (docs/sanitizers.md)
            finished.signal()
        }
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        guard finished.wait(timeout: .now() + 60) == .success else {
            process.terminate()
            throw TimedOut()
        }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

/// Keeps `grammar/expressions.ebnf` in agreement with the expression parser.
@Suite("Expression grammar and parser agree")
struct ExpressionGrammarTests {
    private static func grammar() throws -> String {
        try String(contentsOfFile: RepositoryPaths.root.appendingPathComponent("grammar/expressions.ebnf").path, encoding: .utf8)
    }

    @Test func everyFunctionIsInTheGrammar() throws {
        let text = try Self.grammar()
        for function in Expression.Function.allCases {
            #expect(text.contains("\"\(function.rawValue)\""), "function \(function.rawValue) missing from expressions.ebnf")
        }
    }

    @Test func everyOperatorIsInTheGrammar() throws {
        let text = try Self.grammar()
        for op in Expression.BinaryOperator.allCases {
            #expect(text.contains("\"\(op.rawValue)\""), "operator \(op.rawValue) missing from expressions.ebnf")
        }
    }

    @Test("expressions written back parse to the same tree", arguments: [
        "a + b * c", "!(x == 1) || y.z[0] >= 2.5", "now(\"-5m\")", "[1, 'two', null, true]", "-a % 3 != len(s)",
    ])
    func roundTrip(_ text: String) throws {
        let expression = try Expression.parse(text)
        #expect(try Expression.parse(expression.description) == expression)
        let interpolation = try Interpolation.parse("x ${\(text)} $${y}")
        #expect(try Interpolation.parse(interpolation.description) == interpolation)
    }
}
