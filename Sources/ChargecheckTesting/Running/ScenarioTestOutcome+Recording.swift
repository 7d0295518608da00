import Testing

extension ScenarioTestOutcome {
    /// Reports the outcome to the running Swift Testing test: failures as issues at their YAML places, an expected
    /// failure as known issues, an inconclusive run as warnings; a scenario that did not run cancels the test case
    /// (it shows as skipped), which is why this throws.
    public func record() throws {
        switch self {
        case .passed:
            break
        case .failed(let problems):
            for problem in problems { problem.record(severity: .error) }
        case .failedAsExpected(let reason, let problems):
            withKnownIssue(Comment(rawValue: "expected-failure: \(reason)")) {
                for problem in problems { problem.record(severity: .error) }
            }
        case .inconclusive(let problems):
            for problem in problems { problem.record(severity: .warning) }
        case .notRun(let verdict, let reason):
            try Test.cancel(Comment(rawValue: "\(verdict.rawValue): \(reason)"))
        }
    }
}

extension ScenarioProblem {
    /// Records this problem as an issue of the running test, at its YAML place.
    func record(severity: Issue.Severity) {
        Issue.record(Comment(rawValue: message), severity: severity, sourceLocation: sourceLocation)
    }
}
