import Foundation
import OCPP
import Scenario
import Testing

@Suite("Expressions")
struct ExpressionTests {
    private let environment = Environment(
        variables: [
            "connector": 2, "idTag": "TAG-1", "flag": true,
            "start": .object(["transactionId": 7, "meterValue": .array([.object(["sampledValue": .array([.object(["value": "12.5"])])])])]),
        ],
        clock: { Date(timeIntervalSince1970: 1_800_000_000) },
        makeUUID: { "00000000-0000-0000-0000-000000000001" })

    private func value(_ text: String) throws -> JSONValue {
        try Expression.parse(text).evaluate(in: environment)
    }

    @Test("evaluates", arguments: [
        ("1 + 2 * 3", JSONValue.integer(7)), ("(1 + 2) * 3", 9), ("7 / 2", 3.5), ("8 / 2", 4), ("7 % 4", 3), ("-connector", -2),
        ("connector == 2 && !flag", false), ("connector >= 2 || false", true), ("'a' + \"b\"", "ab"), ("1 == 1.0", true),
        ("start.transactionId", 7), ("start.meterValue[0].sampledValue[0].value", "12.5"),
        ("number(start.meterValue[0].sampledValue[0].value) > 12", true), ("len(idTag)", 5), ("string(connector)", "2"),
        ("range(1, 3)", [1, 2, 3]), ("now()", "2027-01-15T08:00:00.000Z"), ("now(\"-1m\")", "2027-01-15T07:59:00.000Z"),
        ("uuid()", "00000000-0000-0000-0000-000000000001"), ("[connector, 'x'][1]", "x"), ("null == null", true),
        ("'b' > 'a'", true), ("1 + 2 == 3 && 2 < 3", true),
    ] as [(String, JSONValue)])
    func evaluates(_ text: String, expected: JSONValue) throws {
        #expect(try value(text) == expected)
    }

    @Test("reports run-time errors", arguments: [
        ("nope", "in '${nope}': 'nope' is not defined"),
        ("start.transactionID", "in '${start.transactionID}': start has no field 'transactionID'; did you mean 'transactionId'?"),
        ("start.meterValue[3]", "in '${start.meterValue[3]}': index 3 is out of range: start.meterValue has 1 element"),
        ("1 / 0", "in '${(1 / 0)}': division by zero"),
        ("idTag && flag", "in '${(idTag && flag)}': idTag is string \"TAG-1\", not a boolean"),
        ("9223372036854775807 + 1", "in '${(9223372036854775807 + 1)}': integer overflow in 9223372036854775807 + 1"),
        ("(-9223372036854775807 - 1) / -1", "in '${((-9223372036854775807 - 1) / -1)}': integer overflow in -9223372036854775808 / -1"),
        ("(-9223372036854775807 - 1) % -1", "in '${((-9223372036854775807 - 1) % -1)}': integer overflow in -9223372036854775808 % -1"),
        ("1e308 * 10", "in '${(1e+308 * 10)}': 1e+308 * 10 is out of the range of numbers"),
        ("idTag < 3", "in '${(idTag < 3)}': cannot compare string \"TAG-1\" with integer 3"),
    ])
    func runtimeErrors(_ text: String, message: String) throws {
        do {
            _ = try value(text)
            Issue.record("expected an error")
        } catch let error as EvaluationError {
            #expect(error.description == message)
        }
    }

    @Test("range() over the whole integer line is an error, not an overflow trap", arguments: [
        "range(-9223372036854775807, 9223372036854775807)", "range(-2, 9223372036854775807)", "range(0, 10000)",
    ])
    func hugeRanges(_ text: String) throws {
        do {
            _ = try value(text)
            Issue.record("expected an error")
        } catch let error as EvaluationError {
            #expect(error.description.hasSuffix("is longer than 10,000 elements"))
        }
    }

    @Test("rejects bad syntax", arguments: [
        ("1 +", "expected a value, found the end of the expression"),
        ("foo(1)", "unknown function 'foo'; functions are now, uuid, len, number, string, range"),
        ("lenn(x)", "unknown function 'lenn'; did you mean 'len'?"),
        ("len()", "len() takes 1 argument, not 0"),
        ("'open", "string is not closed; add the closing '"),
        ("a.", "expected a field name after '.', found the end of the expression"),
        ("a # b", "unexpected character '#' in expression"),
        ("1 2", "unexpected '2' after the expression"),
        ("", "empty expression"),
    ])
    func syntaxErrors(_ text: String, message: String) {
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(text) }
        do {
            _ = try Expression.parse(text)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(text) }
        let chain = Array(repeating: "1", count: 1_000).joined(separator: " + ")
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse(chain) }
    }

    @Test func interpolationIsTypedOnlyWhenWhole() throws {
        #expect(try Interpolation.parse("${connector}").evaluate(in: environment) == .integer(2))
        #expect(try Interpolation.parse("c${connector}").evaluate(in: environment) == .string("c2"))
        #expect(try Interpolation.parse("$${literal} ${idTag}").evaluate(in: environment) == .string("${literal} TAG-1"))
        #expect(try Interpolation.parse("no expressions").constantText == "no expressions")
        #expect(throws: ExpressionSyntaxError.self) { try Interpolation.parse("${connector") }
        #expect(throws: ExpressionSyntaxError.self) { try Interpolation.parse("${}") }
    }

    @Test("durations", arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("2m", .seconds(120)), ("1h", .seconds(3600)), ("1m30s", .seconds(90)),
        ("1h2m3s4ms", .milliseconds(3_723_004)),
    ])
    func durations(_ text: String, expected: Duration) {
        #expect(DurationText.parse(text) == expected)
        #expect(DurationText.parse(DurationText.format(expected)) == expected)
    }

    @Test("invalid durations", arguments: ["30", "s", "1.5s", "30 s", "1s1m", "1m1m", "", "-", "10sec", "1d"])
    func invalidDurations(_ text: String) {
        #expect(DurationText.parse(text) == nil)
    }
}
