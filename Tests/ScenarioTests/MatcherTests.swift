import OCPP
import Scenario
import Testing

@Suite("Matchers")
struct MatcherTests {
    private let environment = Environment(variables: ["connector": 1, "meterStart": 100])

    /// Loads `yaml` as the `match:` of an expect step and returns the matcher.
    private func matcher(_ yaml: String) throws -> Matcher {
        let text = "scenario: m\ngiven: {connector: 1, meterStart: 100}\nsteps:\n  - expect: X\n    match: \(yaml)\n"
        let result = ScenarioLoader(catalog: nil).load(text: text, file: "m.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let step = try #require(result.scenarios.first?.steps.first)
        guard case .expect(let expect) = step.kind, let matcher = expect.match else {
            Issue.record("no matcher")
            throw CancellationError()
        }
        return matcher
    }

    @Test("matches", arguments: [
        ("{status: Accepted}", #"{"status":"Accepted","extra":1}"#),
        ("{connectorId: '${connector}'}", #"{"connectorId":1}"#),
        ("{meterStart: {$type: integer, $gte: 0}}", #"{"meterStart":5}"#),
        ("{value: {$gt: '${meterStart}'}}", #"{"value":100.5}"#),
        ("{v: {$regex: '[0-9]+'}}", #"{"v":"123"}"#),
        ("{s: {$oneOf: [Accepted, Rejected]}}", #"{"s":"Rejected"}"#),
        ("{gone: {$absent: true}}", #"{}"#),
        ("{here: {$exists: true}}", #"{"here":null}"#),
        ("{x: {$any: true}}", #"{}"#),
        ("{list: {$len: {$gte: 2}}}", #"{"list":[1,2,3]}"#),
        ("{list: {$contains: [{a: 1}, {a: 2}]}}", #"{"list":[{"a":2},{"a":1,"b":0}]}"#),
        ("{text: {$contains: bc}}", #"{"text":"abcd"}"#),
        ("{list: {$unordered: [2, 1]}}", #"{"list":[1,2]}"#),
        ("{list: {$each: {$type: integer}}}", #"{"list":[1,2]}"#),
        ("{o: {$exact: {a: 1}}}", #"{"o":{"a":1.0}}"#),
        ("{s: {$not: {$oneOf: [Faulted]}}}", #"{"s":"Available"}"#),
        ("{t: {$type: datetime}}", #"{"t":"2026-11-25T22:00:00Z"}"#),
        ("{list: [1, {a: 1}]}", #"{"list":[1,{"a":1,"b":2}]}"#),
        ("{n: {$type: number}}", #"{"n":3}"#),
    ])
    func matches(_ pattern: String, payload: String) throws {
        let value = try JSONTestValue.parse(payload)
        #expect(try matcher(pattern).match(value, in: environment) == [])
    }

    @Test("reports mismatches with path, wanted, got", arguments: [
        ("{status: Accepted}", #"{"status":"Rejected"}"#, [#"/status: wanted "Accepted", got "Rejected""#]),
        ("{idTagInfo: {status: Accepted}}", #"{}"#, [#"/idTagInfo: wanted an object with status: "Accepted", got absent"#]),
        ("{meterStart: {$type: integer, $gte: 0}}", #"{"meterStart":-1.5}"#, ["/meterStart: wanted an integer, got -1.5", "/meterStart: wanted >= 0, got -1.5"]),
        ("{gone: {$absent: true}}", #"{"gone":1}"#, ["/gone: wanted absent, got 1"]),
        ("{list: [1, 2]}", #"{"list":[1]}"#, ["/list: wanted 2 elements, got 1: [1]"]),
        ("{list: [1, 2]}", #"{"list":[1,3]}"#, ["/list/1: wanted 2, got 3"]),
        ("{list: {$len: 2}}", #"{"list":[1]}"#, ["/list: wanted length 2, got length 1"]),
        ("{list: {$contains: [1, 1]}}", #"{"list":[1,2]}"#, ["/list: wanted an element matching 1, got none among [1,2]"]),
        ("{o: {$exact: {a: 1}}}", #"{"o":{"a":1,"b":2}}"#, [#"/o: wanted {"a":1}, got {"a":1,"b":2}"#]),
        ("{v: {$regex: '[0-9]+'}}", #"{"v":"12a"}"#, [#"/v: wanted a string matching /[0-9]+/, got "12a""#]),
        ("{s: {$oneOf: [A, B]}}", #"{"s":"C"}"#, [#"/s: wanted one of "A", "B", got "C""#]),
    ])
    func mismatches(_ pattern: String, payload: String, expected: [String]) throws {
        let value = try JSONTestValue.parse(payload)
        #expect(try matcher(pattern).match(value, in: environment).map(\.description) == expected)
    }

    @Test func undefinedCaptureAtRunTimeIsAMismatchNotACrash() throws {
        let matcher = Matcher.object([.init(key: "a", matcher: .equals(.interpolation(try Interpolation.parse("${missing}"))))])
        let mismatches = matcher.match(.object(["a": 1]), in: Environment())
        #expect(mismatches.map(\.path.description) == ["/a"])
        #expect(mismatches.first?.wanted.contains("'missing' is not defined") == true)
    }
}
