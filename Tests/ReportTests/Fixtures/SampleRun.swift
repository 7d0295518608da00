import Foundation
import OCPP
@testable import Report
import Runner
import Scenario
import YAML

/// EV24-like runs against a station named `CP-EV24-0001`, with a real-looking trace (boot, connector states, a reset,
/// a transaction with meter values): what the report tests read. The failing run
/// has a mismatching MeterValues payload and an unanswered RemoteStopTransaction.
enum SampleRun {
    /// The station identity of the sample runs.
    static let station = "CP-EV24-0001"

    /// The sample run; `failing` chooses the station that breaks two scenarios.
    static func ev24(failing: Bool) -> RunResult {
        let start = Date(timeIntervalSince1970: 1_795_639_200)  // 2026-11-25T20:40:00Z
        var recorder = SampleRunRecorder(start: start, failing: failing)
        recorder.recordAll()
        let suite = SampleSuiteVerdict.ev24(scenarios: recorder.scenarios, failing: failing)
        let stationResult = StationResult(
            identity: station,
            bootNotification: SampleRunRecorder.bootPayload,
            connections: recorder.connections, scenarios: recorder.scenarios, findings: recorder.findings,
            suites: [suite], trace: recorder.trace.records)
        let options = RunOptions(paths: ["scenarios/ev24"], stationSource: .emulator, nonInteractive: true,
                                 timeScale: 1, tracePath: "ev24-trace.jsonl")
        return RunResult(started: start, ended: recorder.trace.now, options: options, stations: [stationResult])
    }
}
