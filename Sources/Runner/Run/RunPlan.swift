public import Scenario

/// The scenarios a run will play on every station, in order, each with the suite it belongs to.
public struct RunPlan: Sendable {
    /// One scenario to run.
    public struct Entry: Sendable {
        public var scenario: Scenario
        /// The suite that lists it, `nil` for a scenario run on its own.
        public var suite: Suite?

        public init(scenario: Scenario, suite: Suite?) {
            self.scenario = scenario
            self.suite = suite
        }
    }

    public var entries: [Entry]
    /// The suites whose verdicts are judged (those with at least one selected scenario).
    public var suites: [Suite]

    public init(entries: [Entry], suites: [Suite]) {
        self.entries = entries
        self.suites = suites
    }

    /// The plan for what was loaded: each suite's scenarios in suite order, then the scenarios no suite lists; kept
    /// when `--only` selects them (if given), `--skip` does not, and they carry one of `--tags` (if given). Patterns
    /// ending in `*` select an id prefix.
    public init(loaded: LoadResult, only: [String] = [], skip: [String] = [], tags: [String] = []) {
        func selected(_ scenario: Scenario) -> Bool {
            let id = scenario.metadata.id
            if !only.isEmpty && !only.contains(where: { VerdictRule.pattern($0, selects: id) }) { return false }
            if skip.contains(where: { VerdictRule.pattern($0, selects: id) }) { return false }
            if !tags.isEmpty && !scenario.metadata.tags.contains(where: tags.contains) { return false }
            return true
        }
        var entries: [Entry] = []
        var suites: [Suite] = []
        var planned = Set<String>()
        for suite in loaded.suites {
            let chosen = suite.scenarios.filter(selected)
            guard !chosen.isEmpty else { continue }
            suites.append(suite)
            for scenario in chosen {
                entries.append(Entry(scenario: scenario, suite: suite))
                planned.insert(scenario.file)
            }
        }
        for scenario in loaded.scenarios where !planned.contains(scenario.file) && selected(scenario) {
            entries.append(Entry(scenario: scenario, suite: nil))
        }
        self.init(entries: entries, suites: suites)
    }

    /// Whether any planned scenario needs a physical act.
    public var needsOperator: Bool { entries.contains { $0.scenario.needsOperator } }
}
