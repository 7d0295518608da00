/// How a scenario ended. Only ``fail`` and ``error`` make a run exit non-zero (an expected failure aside).
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every step passed.
    case pass = "PASS"
    /// The station did something the scenario forbids (a step failed).
    case fail = "FAIL"
    /// No judgement possible: the station dropped where that was not the point, an operator did not act in time.
    case inconclusive = "INCONCLUSIVE"
    /// The tool or the set-up failed (no station came, a hook could not start, an expression could not be evaluated).
    case error = "ERROR"
    /// The station profile or the connection mode rules the scenario out.
    case notApplicable = "NOT_APPLICABLE"
    /// Not run: deselected, no operator (`--non-interactive`), or the run was interrupted before it.
    case skipped = "SKIPPED"

    /// The worse of two verdicts (FAIL beats INCONCLUSIVE beats PASS; ERROR beats all).
    public func worsened(by other: Verdict) -> Verdict {
        other.severity > severity ? other : self
    }

    var severity: Int {
        switch self {
        case .pass: 0
        case .notApplicable: 1
        case .skipped: 2
        case .inconclusive: 3
        case .fail: 4
        case .error: 5
        }
    }
}

/// How one step ended.
public enum StepOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case passed
    case failed
    /// The step could not judge (station gone, operator absent); makes the scenario INCONCLUSIVE.
    case inconclusive
    /// The tool failed (an expression error, a hook that could not start); makes the scenario ERROR.
    case error
    /// Skipped on purpose (an operator pressed skip, no operator available).
    case skipped
    /// Not reached because an earlier step ended the scenario.
    case notRun = "not-run"
    /// Cut short by Ctrl-C or SIGTERM.
    case interrupted
    /// The station answered a `send` of an action the scenario lists under `requires: messages` with CALLERROR
    /// NotImplemented or NotSupported: it does not support the action, so the scenario is NOT_APPLICABLE.
    case unsupported

    /// The verdict a scenario gets from a step ending this way (`nil`: the step does not decide the verdict).
    public var scenarioVerdict: Verdict? {
        switch self {
        case .passed, .notRun: nil
        case .failed: .fail
        case .inconclusive, .interrupted: .inconclusive
        case .error: .error
        case .skipped: .skipped
        case .unsupported: .notApplicable
        }
    }
}
