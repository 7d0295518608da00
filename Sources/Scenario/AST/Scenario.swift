public import YAML

/// One scenario (or fixture) file, loaded and checked: what the runner interprets.
public struct Scenario: Sendable, Hashable {
    /// A scenario runs on its own; a fixture only as another scenario's precondition (`uses:`).
    public enum Kind: String, Sendable, Hashable {
        case scenario, fixture
    }

    public var kind: Kind
    /// Name, id, tags, prerequisites, expected failure.
    public var metadata: ScenarioMetadata
    /// `given:` variables in order; each value may use the ones before it. Overridable from the command line.
    public var given: [Variable]
    /// `uses:` preconditions, loaded; run in order before `steps`, in the same session and environment.
    public var uses: [Include]
    /// `replies:` how to answer station CALLs that no step's `reply` covers, by action name.
    public var replies: [String: Reply]
    /// The steps, in order.
    public var steps: [Step]
    /// `teardown:` steps that always run after `steps`, pass or fail.
    public var teardown: [Step]
    /// `timeout:` bound on the whole scenario (default ``Defaults/scenarioTimeout``).
    public var timeout: Duration
    /// The file, as given to the loader.
    public var file: String
    /// Where the scenario's first key is.
    public var location: Location

    public init(
        kind: Kind, metadata: ScenarioMetadata, given: [Variable] = [], uses: [Include] = [], replies: [String: Reply] = [:],
        steps: [Step], teardown: [Step] = [], timeout: Duration = Defaults.scenarioTimeout, file: String, location: Location
    ) {
        self.kind = kind
        self.metadata = metadata
        self.given = given
        self.uses = uses
        self.replies = replies
        self.steps = steps
        self.teardown = teardown
        self.timeout = timeout
        self.file = file
        self.location = location
    }

    /// OCPP actions this scenario and its preconditions name in `send`, `expect` and `replies` steps (sorted).
    public var actionsUsed: [String] {
        var names = Set(replies.keys)
        for include in uses { names.formUnion(include.scenario.actionsUsed) }
        for step in steps + teardown { step.forEach { if let action = $0.action { names.insert(action) } } }
        return names.sorted()
    }

    /// Whether a step asks for a physical act (plug, unplug, card…), i.e. an operator on a live station.
    public var needsOperator: Bool {
        var found = uses.contains { $0.scenario.needsOperator }
        for step in steps + teardown { step.forEach { if case .action = $0.kind { found = true } } }
        return found
    }
}

/// A named value with its place in the file (`given:` entries, `with:` of a `uses:`).
public struct Variable: Sendable, Hashable {
    public var name: String
    public var value: Template
    public var location: Location

    public init(name: String, value: Template, location: Location) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// A `uses:` precondition: another scenario or fixture file, with variable bindings.
public struct Include: Sendable, Hashable {
    /// The path as written.
    public var path: String
    /// `with:` values for the included file's `given` variables.
    public var bindings: [Variable]
    /// The included file, loaded.
    public var scenario: Scenario
    public var location: Location

    public init(path: String, bindings: [Variable], scenario: Scenario, location: Location) {
        self.path = path
        self.bindings = bindings
        self.scenario = scenario
        self.location = location
    }
}

/// The documented default bounds for steps that wait.
public enum Defaults {
    /// `send`: how long the station has to answer a CALL.
    public static let sendWithin: Duration = .seconds(30)
    /// `expect`: how long to wait for the station's CALL.
    public static let expectWithin: Duration = .seconds(30)
    /// `expect-disconnect`: how long to wait for the connection to drop.
    public static let disconnectWithin: Duration = .seconds(60)
    /// `expect-reconnect`: how long to wait for the station to come back.
    public static let reconnectWithin: Duration = .seconds(180)
    /// `action`: how long an operator (or hook) has for a physical act before the step is INCONCLUSIVE.
    public static let actionWithin: Duration = .seconds(120)
    /// `timeout`: a whole scenario.
    public static let scenarioTimeout: Duration = .seconds(600)
}
