@testable import Report
import Runner
import Scenario
import YAML

/// The EV24 suite verdict of a sample run: the three rules of the integration page and its 14 required messages.
enum SampleSuiteVerdict {
    static let requiredMessages = [
        "Authorize", "BootNotification", "Heartbeat", "StatusNotification", "StartTransaction", "StopTransaction",
        "MeterValues", "RemoteStartTransaction", "RemoteStopTransaction", "GetConfiguration", "ChangeConfiguration",
        "Reset", "UnlockConnector", "ChangeAvailability",
    ]

    static func ev24(scenarios: [ScenarioResult], failing: Bool) -> SuiteVerdict {
        let file = "scenarios/ev24/suite.yaml"
        let failed = scenarios.filter { $0.verdict == .fail || $0.verdict == .error }.map(\.id)
        let rules = [
            RuleOutcome(name: "every required scenario passes", kind: "all-pass", location: Location(file: file, line: 21, column: 5),
                        passed: failed.isEmpty,
                        detail: failed.isEmpty ? "8 of 8 passed" : failed.map { "\($0) FAIL" }.joined(separator: ", ")),
            RuleOutcome(name: "at least one connection mode", kind: "any-pass", location: Location(file: file, line: 25, column: 5),
                        passed: true, detail: "ws passed"),
            RuleOutcome(name: "the 14 required messages", kind: "messages", location: Location(file: file, line: 30, column: 5),
                        passed: !failing, detail: failing ? "1 of 14 messages invalid: MeterValues" : "14 of 14 seen and valid"),
        ]
        let messages = requiredMessages.map { action in
            let invalid = failing && action == "MeterValues"
            let users = scenarios.filter { scenario in scenario.steps.contains { $0.action == action } }.map(\.id)
            return MessageCoverage(action: action, required: true, seen: true, valid: !invalid,
                                   count: max(1, users.count), scenarios: users,
                                   problem: invalid ? "/transactionId: required by the scenario, absent" : nil)
        } + [MessageCoverage(action: "DataTransfer", required: false, seen: false, valid: false, count: 0, scenarios: [])]
        let modes = [
            ConnectionModeCoverage(mode: .ws, status: failing ? .failed : .passed,
                                   scenarios: scenarios.filter { $0.connectionMode == .ws }.map(\.id)),
            ConnectionModeCoverage(mode: .wssBasic, status: .notOffered, scenarios: ["ev24.connection-wss-basic"]),
            ConnectionModeCoverage(mode: .wssMTLS, status: .notOffered, scenarios: ["ev24.connection-wss-mtls"]),
        ]
        return SuiteVerdict(suiteId: "ev24", name: "EV24 integration", file: file, passed: !failing, rules: rules,
                            messages: messages, connectionModes: modes)
    }
}
