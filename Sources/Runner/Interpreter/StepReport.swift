import Foundation

/// What a step's own logic found, before timing and location wrap it into a ``StepResult``.
struct StepReport: Sendable {
    var outcome: StepOutcome
    var summary: String?
    var failure: StepFailure?
    var messageIds: [String] = []
    var physicalAction: ActionRecord?
    var children: [StepResult] = []
    /// Children summarised instead of listed (a long `repeat`).
    var unlisted: StepResult.UnlistedSteps?

    static func passed(_ summary: String? = nil, messageIds: [String] = []) -> StepReport {
        StepReport(outcome: .passed, summary: summary, messageIds: messageIds)
    }

    static func failed(_ failure: StepFailure, summary: String? = nil, messageIds: [String] = []) -> StepReport {
        StepReport(outcome: .failed, summary: summary, failure: failure, messageIds: messageIds)
    }

    static func ended(_ outcome: StepOutcome, _ message: String, messageIds: [String] = []) -> StepReport {
        StepReport(outcome: outcome, failure: StepFailure(message: message), messageIds: messageIds)
    }

    static let interrupted = StepReport.ended(.interrupted, "interrupted (Ctrl-C or SIGTERM)")
}
