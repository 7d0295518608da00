import Foundation
public import OCPP
public import Scenario
public import YAML

/// How one scenario went against one station.
public struct ScenarioResult: Sendable, Hashable {
    /// `id:`, `scenario:` name, the file and where it starts, `tags:`, `description:`.
    public var id: String
    public var name: String
    public var file: String
    public var location: Location
    public var tags: [String]
    public var description: String?
    /// The suite it ran in, `nil` when it ran on its own.
    public var suiteId: String?
    /// Whether its suite has `verdict:` rules: the suite verdict then decides (a scenario no rule selects is
    /// informative, e.g. one exercising an optional message), and the scenario alone does not fail the run.
    public var judgedBySuiteVerdict: Bool
    /// The verdict, and why (for every verdict but PASS; e.g. "step 3 failed: …", "needs an operator").
    public var verdict: Verdict
    public var reason: String?
    /// `expected-failure:` the declared reason it is known to fail; `nil` when it is expected to pass.
    public var expectedFailure: String?
    /// The connection mode the scenario requires (`requires: security:`), `nil` when any will do.
    public var requiredMode: SecurityMode?
    /// The connection mode the station was in while the scenario ran (`nil` when it never ran on a connection).
    public var connectionMode: SecurityMode?
    /// When it started and ended (equal for scenarios that never ran).
    public var started: Date
    public var ended: Date
    /// The steps of its preconditions (`uses:`), its `steps:` and its `teardown:`, in the order they ran.
    public var steps: [StepResult]
    /// Station CALLs that arrived during the scenario and that no step consumed (they were answered by `replies:` or
    /// the default replies).
    public var unconsumedCalls: [ReceivedCall]
    /// How many more station CALLs no step consumed than ``unconsumedCalls`` lists (it lists the first 20, so that
    /// a station sending for days keeps the result small).
    public var unlistedUnconsumedCalls: Int
    /// The variables at the end: `given` values (after `--set`), and every capture.
    public var variables: [String: JSONValue]
    /// Protocol findings that arose while it ran.
    public var findings: [OCPPFinding]
    /// The station trace records of this scenario (sequence numbers, see ``StationResult/trace``); `nil` when no frame
    /// passed.
    public var traceRange: ClosedRange<Int>?

    public init(id: String, name: String, file: String, location: Location, tags: [String] = [], description: String? = nil,
                suiteId: String? = nil, judgedBySuiteVerdict: Bool = false, verdict: Verdict, reason: String? = nil, expectedFailure: String? = nil,
                requiredMode: SecurityMode? = nil, connectionMode: SecurityMode? = nil, started: Date, ended: Date, steps: [StepResult] = [],
                unconsumedCalls: [ReceivedCall] = [], unlistedUnconsumedCalls: Int = 0, variables: [String: JSONValue] = [:], findings: [OCPPFinding] = [],
                traceRange: ClosedRange<Int>? = nil) {
        self.id = id
        self.name = name
        self.file = file
        self.location = location
        self.tags = tags
        self.description = description
        self.suiteId = suiteId
        self.judgedBySuiteVerdict = judgedBySuiteVerdict
        self.verdict = verdict
        self.reason = reason
        self.expectedFailure = expectedFailure
        self.requiredMode = requiredMode
        self.connectionMode = connectionMode
        self.started = started
        self.ended = ended
        self.steps = steps
        self.unconsumedCalls = unconsumedCalls
        self.unlistedUnconsumedCalls = unlistedUnconsumedCalls
        self.variables = variables
        self.findings = findings
        self.traceRange = traceRange
    }

    /// How long it took.
    public var duration: TimeInterval { ended.timeIntervalSince(started) }

    /// Whether this result fails the run: ERROR always; FAIL unless the failure was expected; PASS when a failure was
    /// expected (an unexpected pass). A scenario judged by its suite's verdict fails the run only by an unexpected pass.
    public var countsAsFailure: Bool {
        if judgedBySuiteVerdict { return verdict == .pass && expectedFailure != nil }
        switch verdict {
        case .error: return true
        case .fail: return expectedFailure == nil
        case .pass: return expectedFailure != nil
        case .inconclusive, .notApplicable, .skipped: return false
        }
    }

    /// The first step that failed, erred or was inconclusive, searching nested steps too.
    public var firstFailedStep: StepResult? {
        for step in steps {
            if let found = step.firstFailure { return found }
        }
        return nil
    }
}

/// A station CALL as the runner received it.
public struct ReceivedCall: Sendable, Hashable {
    /// The message id and action.
    public var messageId: String
    public var action: String
    /// The payload as received.
    public var payload: JSONValue
    /// When it arrived.
    public var received: Date
    /// The trace record of the CALL.
    public var traceSequence: Int?
    /// How it was answered: `step`, `replies`, `default`, or what went wrong.
    public var answeredBy: String

    public init(messageId: String, action: String, payload: JSONValue, received: Date, traceSequence: Int? = nil,
                answeredBy: String) {
        self.messageId = messageId
        self.action = action
        self.payload = payload
        self.received = received
        self.traceSequence = traceSequence
        self.answeredBy = answeredBy
    }
}
