import Foundation
import Locking
import OCPP
@testable import Report
import Runner
import Scenario
import Testing
import YAML

@Suite("Console: live progress and the summary table")
struct ConsoleTests {
    static let location = Location(file: "scenarios/ev24/remote-start.yaml", line: 20, column: 5)

    static var failedScenario: ScenarioResult {
        let now = Date()
        let failure = StepFailure(message: "the station's answer to RemoteStartTransaction does not match",
                                  expected: "an object with status: \"Accepted\"", received: #"{"status":"Rejected"}"#,
                                  mismatches: [Mismatch(path: JSONPath(pointer: "/status"), wanted: "\"Accepted\"", got: "\"Rejected\"")])
        let step = StepResult(verb: "send", action: "RemoteStartTransaction", location: location, phase: .main, started: now,
                              ended: now, outcome: .failed, failure: failure)
        return ScenarioResult(id: "ev24.remote-start", name: "Remote start", file: location.file, location: location,
                              verdict: .fail, reason: "step send at \(location): \(failure.message)", started: now,
                              ended: now.addingTimeInterval(2.5), steps: [step])
    }

    static var result: RunResult {
        let now = Date()
        let passed = ScenarioResult(id: "ev24.connection-ws", name: "ws", file: "c.yaml", location: location, verdict: .pass,
                                    started: now, ended: now.addingTimeInterval(0.25))
        let suite = SuiteVerdict(
            suiteId: "ev24", name: "EV24", file: "suite.yaml", passed: false,
            rules: [RuleOutcome(name: "Functional scenarios pass", kind: "all-pass", location: location, passed: false,
                                detail: "ev24.remote-start FAIL")],
            messages: [MessageCoverage(action: "Reset", required: true, seen: false, valid: false, count: 0, scenarios: []),
                       MessageCoverage(action: "Heartbeat", required: true, seen: true, valid: true, count: 3,
                                       scenarios: ["ev24.connection-ws"])],
            connectionModes: [ConnectionModeCoverage(mode: .ws, status: .passed, scenarios: ["ev24.connection-ws"]),
                              ConnectionModeCoverage(mode: .wssBasic, status: .notOffered, scenarios: ["ev24.connection-wss-basic"])])
        let station = StationResult(identity: "CP-1", bootNotification: ["chargePointVendor": "ACME", "chargePointModel": "Wall-1"],
                                    scenarios: [passed, failedScenario], suites: [suite])
        return RunResult(started: now, ended: now, options: RunOptions(), stations: [station])
    }

    @Test("the summary: a row per scenario, the failure with its diff, the suite's rules and matrices, the verdict line")
    func summary() {
        let text = RunSummary.text(Self.result, style: ConsoleStyle(colors: false))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("Station CP-1 (ACME Wall-1)"))
        #expect(lines.contains { $0.hasPrefix("  PASS           ev24.connection-ws") && $0.hasSuffix("250ms") })
        #expect(lines.contains { $0.hasPrefix("  FAIL           ev24.remote-start") && $0.hasSuffix("2.5s") })
        #expect(lines.contains("      step send at scenarios/ev24/remote-start.yaml:20:5: the station's answer to RemoteStartTransaction does not match"))
        #expect(lines.contains("        /status: wanted \"Accepted\", got \"Rejected\""))
        #expect(lines.contains("  Suite EV24 (ev24): FAILED"))
        #expect(lines.contains("    ✘ Functional scenarios pass: ev24.remote-start FAIL"))
        #expect(lines.contains { $0.hasPrefix("    Reset") && $0.contains("no  ") })
        #expect(lines.contains { $0.hasPrefix("    wss-basic") && $0.hasSuffix("not offered") })
        #expect(lines.last == "FAILED — 1 station, 1 PASS, 1 FAIL")
        #expect(!text.contains("\u{1B}["), "no colours off a terminal")
    }

    @Test("colours on a terminal")
    func colours() {
        let text = RunSummary.text(Self.result, style: ConsoleStyle(colors: true))
        #expect(text.contains("\u{1B}[31m"))
        #expect(text.contains("\u{1B}[32m"))
    }

    @Test("plain progress: one line per event, no status line, the summary at the end")
    func plainProgress() {
        let output = Locked("")
        let console = ProgressConsole(terminal: false) { text in output.withLock { $0 += text } }
        console.handle(.waitingForStations(urls: ["ws://127.0.0.1:9000/ocpp/"], count: 1, wait: .seconds(60)))
        console.handle(.scenarioStarted(station: "CP-1", id: "ev24.remote-start", name: "Remote start", index: 2, total: 8))
        console.handle(.stepStarted(station: "CP-1", verb: "send", name: nil, location: Self.location, waitsUpTo: .seconds(30)))
        console.handle(.callReceived(station: "CP-1", action: "StatusNotification", payload: ["connectorId": 1, "status": "Charging"]))
        console.handle(.scenarioFinished(station: "CP-1", result: Self.failedScenario))
        var notApplicable = Self.failedScenario
        notApplicable.verdict = .notApplicable
        console.handle(.scenarioFinished(station: "CP-1", result: notApplicable))
        console.handle(.runFinished(Self.result))
        let text = output.withLock { $0 }
        #expect(text.contains("  NOT_APPLICABLE ev24.remote-start"), "the longest verdict keeps a space before the id")
        #expect(text.hasPrefix("Waiting for a station (up to 1m) at ws://127.0.0.1:9000/ocpp/<identity>\n"))
        #expect(text.contains("CP-1 [2/8] ev24.remote-start  Remote start\n"))
        #expect(text.contains("  FAIL           ev24.remote-start  2.5s\n"), "the verdict column is as wide as the summary's")
        #expect(text.contains("        /status: wanted \"Accepted\", got \"Rejected\"\n"))
        #expect(!text.contains("\r"), "no status line off a terminal")
        #expect(text.hasSuffix("FAILED — 1 station, 1 PASS, 1 FAIL\n"))
    }

    @Test("on a terminal the status line shows the step, the countdown and the connectors, and is cleared before lines")
    func liveStatusLine() {
        let output = Locked("")
        let console = ProgressConsole(terminal: true) { text in output.withLock { $0 += text } }
        console.handle(.scenarioStarted(station: "CP-1", id: "ev24.remote-start", name: "Remote start", index: 1, total: 1))
        console.handle(.stepStarted(station: "CP-1", verb: "expect", name: nil, location: Self.location, waitsUpTo: .seconds(30)))
        console.handle(.callReceived(station: "CP-1", action: "StatusNotification", payload: ["connectorId": 1, "status": "Charging"]))
        let text = output.withLock { $0 }
        #expect(text.contains("CP-1 ev24.remote-start · expect (remote-start.yaml:20) · 30s left · 1:Charging"))
        console.handle(.stationDisconnected(identity: "CP-1", reason: "dropped"))
        #expect(output.withLock { $0 }.contains("\r\u{1B}[K"))
    }
}
