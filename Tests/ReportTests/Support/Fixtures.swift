import Foundation
import OCPP
@testable import Report
import Runner
import Scenario
import YAML

/// Run results the report tests read: the EV24 sample runs, and variants with hostile station text.
enum Fixtures {
    static let passing = SampleRun.ev24(failing: false)
    static let failing = SampleRun.ev24(failing: true)

    /// The passing run as a long run leaves it: its first scenario ends with a `repeat` of 2,000 iterations of which
    /// the first and last three are listed, and 150 station CALLs no step took, of which the first 100 are listed; the
    /// station made 7 more connections than it lists.
    static var summarisedRun: RunResult {
        var run = passing
        var scenario = run.stations[0].scenarios[0]
        let (location, time) = (scenario.location, scenario.started)
        let iterations = [1, 2, 3, 1998, 1999, 2000].map { number in
            StepResult(verb: "iteration", name: "iteration = \(number)", location: location, phase: .main,
                       summary: "iteration \(number) of 2000", started: time, ended: time, outcome: .passed)
        }
        scenario.steps.append(StepResult(verb: "repeat", location: location, phase: .main, summary: "2000 iterations passed",
                                         started: time, ended: time, outcome: .passed, children: iterations,
                                         unlisted: StepResult.UnlistedSteps(after: 3, count: 1994)))
        scenario.unconsumedCalls = (1...100).map { number in
            ReceivedCall(messageId: "hb-\(number)", action: "Heartbeat", payload: [:], received: time, answeredBy: "default")
        }
        scenario.unlistedUnconsumedCalls = 50
        run.stations[0].scenarios[0] = scenario
        run.stations[0].unlistedConnections = 7
        return run
    }

    /// Text a station could send to break out of XML, HTML, CDATA or a script.
    static let hostile = "</script><script>alert('x')</script>]]><!--<b>&amp;"

    /// The failing run with `hostile` in the station's payloads, boot notification, identity-free fields and failure.
    static var hostileRun: RunResult {
        var run = failing
        var station = run.stations[0]
        station.bootNotification = ["chargePointVendor": .string(hostile), "chargePointModel": .string(hostile)]
        station.trace = station.trace.map { record in
            var record = record
            if record.kind == .call, record.action == "StatusNotification" {
                record.payload = ["connectorId": 1, "errorCode": "OtherError", "status": .string(hostile),
                                  "info": .string(hostile)]
                record.raw = JSONValue.array([2, .string(record.messageId ?? ""), "StatusNotification",
                                              record.payload ?? .null]).jsonText
            }
            return record
        }
        station.findings.append(OCPPFinding(.malformedFrame, .error, "not JSON: \(hostile)", sender: .chargePoint,
                                            raw: hostile))
        if let index = station.scenarios.firstIndex(where: { $0.verdict == .fail }),
           let stepIndex = station.scenarios[index].steps.firstIndex(where: { $0.outcome == .failed }) {
            station.scenarios[index].steps[stepIndex].failure?.received = hostile
            station.scenarios[index].steps[stepIndex].failure?.mismatches.append(
                Mismatch(path: JSONPath(pointer: "/info"), wanted: "\"ok\"", got: hostile))
        }
        run.stations[0] = station
        return run
    }

    /// The failing run cut short by Ctrl-C during its last scenario that ran.
    static var interruptedRun: RunResult {
        var run = failing
        run.interrupted = true
        let index = run.stations[0].scenarios.lastIndex { $0.verdict == .pass } ?? 0
        var scenario = run.stations[0].scenarios[index]
        scenario.verdict = .inconclusive
        scenario.reason = "interrupted"
        if let last = scenario.steps.indices.last {
            scenario.steps[last].outcome = .interrupted
            scenario.steps[last].failure = StepFailure(message: "interrupted while waiting for StopTransaction")
        }
        run.stations[0].scenarios[index] = scenario
        return run
    }

    /// The failing run's scenarios run on their own (no suite): each FAIL fails the run by itself.
    static var standaloneRun: RunResult {
        var run = failing
        run.stations[0].suites = []
        run.stations[0].scenarios = run.stations[0].scenarios.map { scenario in
            var scenario = scenario
            scenario.suiteId = nil
            scenario.judgedBySuiteVerdict = false
            return scenario
        }
        return run
    }

    /// A run where no station ever came.
    static var noStationRun: RunResult {
        RunResult(started: passing.started, ended: passing.started + 30, options: passing.options, stations: [],
                  errors: ["no station connected within 30s to ws://127.0.0.1:9000/ocpp"])
    }
}
