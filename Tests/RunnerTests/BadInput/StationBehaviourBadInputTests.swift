import BadInputTable
import OCPP
@testable import Runner
import Testing

/// The "Station behaviours" rows of docs/bad-input.md: a scripted station misbehaving against a scenario, and what
/// the run's summary shows under the scenario (its verdict and reason, then the detail lines, unindented), followed by
/// the first lines of the scenario's protocol findings as the report lists them. The central system's message ids,
/// random per run, are shown as ID.
@Suite("Bad input: station behaviours")
struct StationBehaviourBadInputTests {
    /// A station misbehaving one way, and the scenario it runs against (file `station.yaml`).
    struct Misbehaviour: Sendable, CustomTestStringConvertible {
        var name: String
        var scenario: String
        var behaviour: StationBehaviour
        /// Whether the row shows the scenario's findings (not for a flood: how many CALLs overlap depends on timing).
        var showsFindings = true
        var testDescription: String { name }
    }

    /// Boots, then sends `frames` as they are, without waiting for answers.
    static func sending(_ frames: [String]) -> StationBehaviour {
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.boot()
            for frame in frames { try? await station.session.send(raw: frame) }
        }
        return behaviour
    }

    /// Answers the central system's CALLs with `answer` (given the CALL's id), sent as it is.
    static func answering(_ answer: @escaping @Sendable (String) -> String?) -> StationBehaviour {
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, station, _ in
            if let text = answer(call.id) { try? await station.session.send(raw: text) }
        }
        return behaviour
    }

    /// Sends Reset and waits `bound` for the answer: short where the station never answers properly (the bound is in
    /// the message), long where it does (a busy machine must not turn its answer into a timeout).
    static func resetScenario(within bound: String) -> String {
        """
        scenario: Reset
        id: station
        steps:
          - expect: BootNotification
          - send: Reset
            with: { type: Soft }
            within: \(bound)
        """
    }

    static let heartbeatScenario = """
        scenario: Heartbeat
        id: station
        steps:
          - expect: BootNotification
          - expect: Heartbeat
            within: 60s
        """

    static let faulted = #"[2,"last","StatusNotification",{"connectorId":1,"errorCode":"OtherError","status":"Faulted"}]"#

    static let misbehaviours: [Misbehaviour] = [
        Misbehaviour(name: "no reply to a CALL of the central system", scenario: resetScenario(within: "5s"),
                     behaviour: answering { _ in nil }),
        Misbehaviour(name: "a reply with a wrong uniqueId", scenario: resetScenario(within: "5s"),
                     behaviour: answering { _ in #"[3,"not-the-id",{"status":"Accepted"}]"# }),
        Misbehaviour(name: "a CALLERROR instead of a reply", scenario: resetScenario(within: "60s"),
                     behaviour: answering { #"[4,"\#($0)","InternalError","reset failed",{}]"# }),
        Misbehaviour(name: "a reply that breaks the schema", scenario: resetScenario(within: "60s"),
                     behaviour: answering { #"[3,"\#($0)",{"status":"Done"}]"# }),
        Misbehaviour(name: "a malformed frame while a step waits", scenario: heartbeatScenario,
                     behaviour: sending([#"[2, "m-1", "Heartbeat""#, #"[2,"m-2","Heartbeat",{}]"#])),
        Misbehaviour(name: "a flood: 200 Heartbeat CALLs without waiting for answers, then a StatusNotification", scenario: """
            scenario: Flood
            id: station
            steps:
              - expect: BootNotification
              - expect: StatusNotification
                match: { status: Faulted }
                within: 60s
            """,
                     behaviour: sending((1...200).map { #"[2,"flood-\#($0)","Heartbeat",{}]"# } + [Self.faulted]),
                     showsFindings: false),
        Misbehaviour(name: "the message a step waits for never comes", scenario: """
            scenario: Missing
            id: station
            steps:
              - expect: BootNotification
              - expect: StatusNotification
              - expect: StartTransaction
                within: 500ms
            """, behaviour: StationBehaviour()),
    ]

    /// What the summary shows for each misbehaviour, in order.
    static let summaries: [[String]] = [
        [
            "FAIL: step send at station.yaml:5:5: the station did not answer Reset within 5s",
            "expected: a CALLRESULT",
            "got:      nothing",
            "warning: [unanswered-call] the charge point did not answer Reset \"ID\" within 5.0 seconds",
        ],
        [
            "FAIL: step send at station.yaml:5:5: the station did not answer Reset within 5s",
            "expected: a CALLRESULT",
            "got:      nothing",
            "error: [unexpected-response] the charge point sent a CALLRESULT for \"not-the-id\", which matches no outstanding CALL of the central system",
            "warning: [unanswered-call] the charge point did not answer Reset \"ID\" within 5.0 seconds",
        ],
        [
            "FAIL: step send at station.yaml:5:5: the station answered Reset with CALLERROR InternalError: reset failed",
            "expected: a CALLRESULT",
            "got:      {\"code\":\"InternalError\",\"description\":\"reset failed\",\"details\":{}}",
        ],
        [
            "FAIL: step send at station.yaml:5:5: the station's answer to Reset breaks the OCPP 1.6 schema",
            "got:      {\"status\":\"Done\"}",
            "/status: \"Done\" is not one of the 2 statuses (one of \"Accepted\", \"Rejected\")",
            "error: [schema-violation] the charge point's Reset response \"ID\" breaks the OCPP 1.6 schema: 1 violation(s)",
        ],
        [
            "FAIL: step expect at station.yaml:5:5: the station broke OCPP-J while this step ran: the charge point sent a frame that is not valid OCPP-J: not JSON: line 1, column 23: unexpected end of text; expected ',' or ']'",
            "got:      [2, \"m-1\", \"Heartbeat\"",
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: not JSON: line 1, column 23: unexpected end of text; expected ',' or ']'",
        ],
        [
            "PASS",
        ],
        [
            "FAIL: step expect at station.yaml:6:5: expected StartTransaction within 500ms; none came (nothing came)",
            "expected: StartTransaction",
            "got:      nothing came",
        ],
    ]

    static let rows = zip(misbehaviours, summaries).map { BadInputRow($0.name, message: $1) }

    /// How many of the scenario's protocol findings a row shows (the report lists them all).
    static let findingsShown = 3

    @Test("the run's summary shows exactly the row's lines", arguments: zip(misbehaviours, rows))
    func summary(misbehaviour: Misbehaviour, row: BadInputRow) async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["station.yaml": misbehaviour.scenario], behaviour: misbehaviour.behaviour)
        let scenario = try #require(result.scenario("station"))
        var lines = [scenario.verdict.rawValue + (scenario.reason.map { ": " + $0 } ?? "")]
        if let failure = scenario.firstFailedStep?.failure {
            if let expected = failure.expected { lines.append("expected: \(expected)") }
            if let received = failure.received { lines.append("got:      \(received)") }
            lines += failure.mismatches.map(\.description) + failure.violations.map(\.description)
        }
        let findings = !misbehaviour.showsFindings ? [] : scenario.findings.map { $0.description.prefix { $0 != "\n" } }
        lines += findings.prefix(Self.findingsShown).map(String.init)
        if findings.count > Self.findingsShown { lines.append("(\(findings.count) findings in all)") }
        let folder = harness.directory.path + "/scenarios/"
        let shown = lines.map {
            $0.replacingOccurrences(of: folder, with: "").replacing(/"[0-9a-f]+-[0-9]+"/, with: "\"ID\"")
        }
        #expect(shown == row.message)
    }

    @Test("docs/bad-input.md shows exactly these rows")
    func documented() {
        #expect(BadInputTable.disagreement(group: "Station behaviours", rows: Self.rows) == nil)
    }
}
