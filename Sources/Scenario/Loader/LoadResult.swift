/// Everything loaded from a set of paths: runnable scenarios, fixtures, suites, and every diagnostic.
public struct LoadResult: Sendable {
    /// Scenario files (`scenario:`) in path order; a file listed by a suite appears once.
    public var scenarios: [Scenario]
    /// Fixture files (`fixture:`), loaded so their problems are reported too.
    public var fixtures: [Scenario]
    /// Suite files (`suite:`).
    public var suites: [Suite]
    /// Every problem found, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The files read, in order.
    public var files: [String]

    public init(scenarios: [Scenario] = [], fixtures: [Scenario] = [], suites: [Suite] = [], diagnostics: [Diagnostic] = [], files: [String] = []) {
        self.scenarios = scenarios
        self.fixtures = fixtures
        self.suites = suites
        self.diagnostics = diagnostics
        self.files = files
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
