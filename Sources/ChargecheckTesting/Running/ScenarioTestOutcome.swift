public import Runner
import Scenario

/// What a scenario's result means for its Swift Testing test case.
public enum ScenarioTestOutcome: Sendable, Hashable {
    /// It passed: nothing to report.
    case passed
    /// It failed or erred (or passed while declared `expected-failure:`): each problem is an issue of the test.
    case failed([ScenarioProblem])
    /// It failed as its `expected-failure:` reason says: the problems are known issues, the test passes.
    case failedAsExpected(reason: String, [ScenarioProblem])
    /// It could not be judged (INCONCLUSIVE: the station dropped, an operator did not act): warnings, not failures.
    case inconclusive([ScenarioProblem])
    /// It did not run (NOT_APPLICABLE: the station profile rules it out; SKIPPED: it needs an operator): the test
    /// case is cancelled with this reason and shows as skipped.
    case notRun(verdict: Verdict, reason: String)

    /// The outcome of one scenario's result. The scenario is judged on its own, even when its suite has verdict
    /// rules: a test case is one scenario. `runErrors` are the run's own problems (no station came).
    public init(_ result: ScenarioResult, runErrors: [String] = []) {
        switch (result.verdict, result.expectedFailure) {
        case (.pass, nil):
            self = .passed
        case (.pass, let reason?):
            self = .failed([ScenarioProblem(message: "\(result.id) PASSED, but it is declared expected-failure: \(reason)",
                                            location: result.location)])
        case (.notApplicable, _), (.skipped, _):
            self = .notRun(verdict: result.verdict, reason: result.reason ?? "")
        case (.inconclusive, _):
            self = .inconclusive(Self.problems(result, runErrors: runErrors))
        case (.fail, let reason?):
            self = .failedAsExpected(reason: reason, Self.problems(result, runErrors: runErrors))
        case (.fail, nil), (.error, _):
            self = .failed(Self.problems(result, runErrors: runErrors))
        }
    }

    /// One problem per step that did not pass (the innermost failing step of each), or one at the scenario's start
    /// with the reason when no step says more.
    static func problems(_ result: ScenarioResult, runErrors: [String]) -> [ScenarioProblem] {
        let steps = result.steps.compactMap(\.firstFailure)
        if !steps.isEmpty { return steps.map { ScenarioProblem(step: $0, of: result) } }
        let reasons = [result.reason].compactMap { $0 } + runErrors
        let text = reasons.isEmpty ? "no reason given" : reasons.joined(separator: "\n  ")
        return [ScenarioProblem(message: "\(result.id) \(result.verdict.rawValue): \(text)", location: result.location)]
    }
}
