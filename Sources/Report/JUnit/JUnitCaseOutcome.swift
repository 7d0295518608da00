import Runner

/// How a scenario appears to a JUnit reader: passed, failed, errored or skipped, with the message and body.
///
/// FAIL is a `failure` (unless the failure was expected: then `skipped`, as pytest reports xfail); ERROR and an
/// interrupted scenario are an `error`; an unexpected PASS is a `failure`; INCONCLUSIVE, NOT_APPLICABLE and SKIPPED are
/// `skipped` with the reason, since none of them fails the run. A FAIL or ERROR of a scenario its suite's verdict
/// rules judge is `skipped` too, with the failure in its body: the rules' own test cases fail when they do, so the
/// JUnit failures match the run's exit status.
enum JUnitCaseOutcome: Equatable {
    case passed
    case failure(type: String, message: String, body: String)
    case error(type: String, message: String, body: String)
    case skipped(message: String, body: String)

    init(_ scenario: ScenarioResult) {
        let failedStep = scenario.firstFailedStep
        let body = failedStep.map { StepText.failure($0) } ?? (scenario.reason ?? "")
        let message = failedStep.map { step in
            "\(step.location): \(step.failure?.message ?? "\(StepText.title(step)) \(step.outcome.rawValue)")"
        } ?? scenario.reason ?? scenario.verdict.rawValue
        if let step = failedStep, step.outcome == .interrupted {
            self = .error(type: "INTERRUPTED",
                          message: "\(step.location): \(StepText.title(step)) interrupted by Ctrl-C or SIGTERM", body: body)
            return
        }
        if scenario.judgedBySuiteVerdict, scenario.verdict == .fail || scenario.verdict == .error,
           scenario.expectedFailure == nil {
            self = .skipped(message: "\(scenario.verdict.rawValue), left to the suite verdict: \(message)", body: body)
            return
        }
        switch scenario.verdict {
        case .pass where scenario.expectedFailure != nil:
            self = .failure(type: "UNEXPECTED_PASS",
                            message: "passed, but it is declared to fail: \(scenario.expectedFailure ?? "")", body: "")
        case .pass:
            self = .passed
        case .fail where scenario.expectedFailure != nil:
            self = .skipped(message: "expected failure (\(scenario.expectedFailure ?? "")): \(message)", body: body)
        case .fail:
            self = .failure(type: "FAIL", message: message, body: body)
        case .error:
            self = .error(type: "ERROR", message: message, body: body)
        case .inconclusive, .notApplicable, .skipped:
            self = .skipped(message: "\(scenario.verdict.rawValue): \(scenario.reason ?? message)", body: "")
        }
    }
}
