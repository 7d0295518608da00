public import Scenario
public import YAML

/// A suite's verdict against one station: each rule's outcome and the coverage matrix.
public struct SuiteVerdict: Sendable, Hashable {
    /// The suite's `id:`, `suite:` name and file.
    public var suiteId: String
    public var name: String
    public var file: String
    /// Whether every rule holds.
    public var passed: Bool
    /// Each `verdict:` rule, in order (one implicit "every scenario passes" rule when the suite states none).
    public var rules: [RuleOutcome]
    /// Each required and optional message: seen or not, valid or not, in which scenarios.
    public var messages: [MessageCoverage]
    /// Each connection mode: passed, failed or not offered, by which scenarios.
    public var connectionModes: [ConnectionModeCoverage]

    public init(suiteId: String, name: String, file: String, passed: Bool, rules: [RuleOutcome],
                messages: [MessageCoverage], connectionModes: [ConnectionModeCoverage]) {
        self.suiteId = suiteId
        self.name = name
        self.file = file
        self.passed = passed
        self.rules = rules
        self.messages = messages
        self.connectionModes = connectionModes
    }
}

/// One rule of a suite verdict, judged.
public struct RuleOutcome: Sendable, Hashable {
    /// The rule's `name:`, its kind (`all-pass`, `any-pass`, `messages`) and where it is written.
    public var name: String
    public var kind: String
    public var location: Location
    public var passed: Bool
    /// Why it holds or not ("ev24.remote-stop FAIL", "3 of 14 messages missing: Reset, …").
    public var detail: String

    public init(name: String, kind: String, location: Location, passed: Bool, detail: String) {
        self.name = name
        self.kind = kind
        self.location = location
        self.passed = passed
        self.detail = detail
    }
}

/// One row of the message coverage matrix.
public struct MessageCoverage: Sendable, Hashable {
    /// The OCPP action.
    public var action: String
    /// Required by a `messages:` rule (else an optional message of the suite: reported, never failing).
    public var required: Bool
    /// Whether a CALL of this action and its answer were exchanged.
    public var seen: Bool
    /// Whether every instance (CALL and response payloads) was valid; `false` also when never seen.
    public var valid: Bool
    /// How many CALLs were exchanged.
    public var count: Int
    /// The scenarios it was exchanged in, by id.
    public var scenarios: [String]
    /// The first violation found, when not valid ("/meterValue/0/timestamp: …").
    public var problem: String?

    public init(action: String, required: Bool, seen: Bool, valid: Bool, count: Int, scenarios: [String],
                problem: String? = nil) {
        self.action = action
        self.required = required
        self.seen = seen
        self.valid = valid
        self.count = count
        self.scenarios = scenarios
        self.problem = problem
    }
}

/// One row of the connection mode matrix.
public struct ConnectionModeCoverage: Sendable, Hashable {
    /// How a mode came out.
    public enum Status: String, Sendable, Hashable, Codable {
        case passed
        case failed
        /// The station never connected in this mode (its scenarios are NOT_APPLICABLE).
        case notOffered = "not-offered"
    }

    public var mode: SecurityMode
    public var status: Status
    /// The scenarios that require this mode, by id.
    public var scenarios: [String]

    public init(mode: SecurityMode, status: Status, scenarios: [String]) {
        self.mode = mode
        self.status = status
        self.scenarios = scenarios
    }
}
