import Foundation
import OCPP
import Scenario

extension ScenarioRun {
    /// `send`: a CALL to the station; its answer must come within the bound, be valid, and match.
    func runSend(_ send: Send) async -> StepReport {
        let payload: JSONValue
        do {
            payload = try send.payload.evaluate(in: environment)
        } catch {
            return .ended(.error, "the request payload could not be computed: \(error)")
        }
        if !send.invalid, let report = context.validator.validate(payload, action: send.action, .request), !report.isValid {
            var failure = StepFailure(message: "the scenario's own \(send.action) request breaks the OCPP 1.6 schema (mark it `invalid: true` for a negative test)",
                                      violations: report.errors)
            failure.received = payload.jsonText
            return StepReport(outcome: .error, failure: failure)
        }
        let deadline = stepDeadline(send.within)
        let timeout = deadline - context.clock.current
        // The scenario's hold on run time goes with the CALL and is back when the call returns.
        let (outcome, _) = await context.channel.call(send.action, payload, timeout: max(timeout, .milliseconds(1)))
        let messageIds = context.recorder.records.last { $0.kind == .call && $0.action == send.action && $0.sender == .centralSystem }
            .flatMap(\.messageId).map { [$0] } ?? []
        if Task.isCancelled { return .interrupted }
        switch outcome {
        case .result(let result, let validation):
            guard validation.isValid else {
                return .failed(StepFailure(message: "the station's answer to \(send.action) breaks the OCPP 1.6 schema",
                                           received: result.jsonText, violations: validation.errors), messageIds: messageIds)
            }
            if send.matchError != nil {
                return .failed(StepFailure(message: "expected a CALLERROR to \(send.action), the station accepted it with a CALLRESULT",
                                           expected: "a CALLERROR", received: result.jsonText), messageIds: messageIds)
            }
            if let match = send.match {
                let mismatches = match.match(result, in: environment)
                if !mismatches.isEmpty {
                    return .failed(StepFailure(message: "the station's answer to \(send.action) does not match",
                                               expected: match.summary(in: environment), received: result.jsonText,
                                               mismatches: mismatches), messageIds: messageIds)
                }
            }
            if let error = capture(send.captures, with: ["payload": payload, "result": result]) { return error }
            return .passed("sent \(send.action), answered \(Self.short(result))", messageIds: messageIds)
        case .error(let code, let description, let details):
            let error: JSONValue = ["code": .string(code.wireName), "description": .string(description), "details": details]
            guard let matchError = send.matchError else {
                if [.notImplemented, .notSupported].contains(code), scenario.metadata.requirements.messages.contains(send.action) {
                    return StepReport(outcome: .unsupported,
                                      failure: StepFailure(message: "the station does not support \(send.action) (CALLERROR \(code.wireName)), which the scenario requires",
                                                           received: error.jsonText), messageIds: messageIds)
                }
                return .failed(StepFailure(message: "the station answered \(send.action) with CALLERROR \(code.wireName)\(description.isEmpty ? "" : ": \(description)")",
                                           expected: send.match.map { $0.summary(in: environment) } ?? "a CALLRESULT",
                                           received: error.jsonText), messageIds: messageIds)
            }
            let mismatches = matchError.match(error, in: environment)
            if !mismatches.isEmpty {
                return .failed(StepFailure(message: "the station's CALLERROR to \(send.action) does not match",
                                           expected: matchError.summary(in: environment), received: error.jsonText,
                                           mismatches: mismatches), messageIds: messageIds)
            }
            if let failed = capture(send.captures, with: ["payload": payload, "error": error]) { return failed }
            return .passed("sent \(send.action), answered CALLERROR \(code.wireName) as expected", messageIds: messageIds)
        case .timeout:
            return .failed(StepFailure(message: "the station did not answer \(send.action) \(boundText(send.within, deadline: deadline))",
                                       expected: "a CALLRESULT", received: "nothing"), messageIds: messageIds)
        case .disconnected:
            return StepReport(outcome: .inconclusive,
                              failure: StepFailure(message: "the station disconnected before answering \(send.action)"),
                              messageIds: messageIds)
        }
    }

    /// A payload for a summary line.
    static func short(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 100 ? String(text.prefix(97)) + "…" : text
    }
}
