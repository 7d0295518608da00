import Foundation
import OCPP
import Scenario

extension ScenarioRun {
    /// `action`: a physical act, done by the emulator, a hook or an operator. An operator prompt ends when the
    /// operator confirms or the station reacts; the following expectations then wait as long as the operator has.
    func runAction(_ action: PhysicalAction) async -> StepReport {
        let request: ActionRequest
        do {
            request = try makeRequest(action)
        } catch {
            return .ended(.error, "the action's values could not be computed: \(error)")
        }
        let channel = context.channel
        let mark = await channel.mark
        let result = await context.performer.perform(request) {
            await channel.waitForEvent(after: mark)
        }
        if Task.isCancelled { return .interrupted }
        if result.record.performer == .operator && result.outcome == .passed {
            operatorDeadline = context.deadline(after: action.within)
        }
        var report = StepReport(outcome: result.outcome, summary: Self.describe(result.record),
                                failure: result.message.map { StepFailure(message: $0) })
        report.physicalAction = result.record
        return report
    }

    func makeRequest(_ action: PhysicalAction) throws(EvaluationError) -> ActionRequest {
        let connectorValue = try action.connector?.evaluate(in: environment)
        var connector = 1
        switch connectorValue {
        case .integer(let number)?: connector = number
        case .string(let text)?:
            guard let number = Int(text) else {
                throw EvaluationError(expression: "connector", message: "the connector \"\(text)\" is not a number")
            }
            connector = number
        case nil: break
        case let other?:
            throw EvaluationError(expression: "connector", message: "the connector must be a number, not \(other.jsonText)")
        }
        let idTag = try action.idTag.map { template throws(EvaluationError) in try Self.text(template.evaluate(in: environment)) }
        let errorCode = try action.errorCode.map { template throws(EvaluationError) in try Self.text(template.evaluate(in: environment)) }
        let prompt = try action.prompt?.render(in: environment)
            ?? ActionRequest.defaultPrompt(for: action.act, connector: connector, idTag: idTag, errorCode: errorCode)
        return ActionRequest(act: action.act, connector: connector, idTag: idTag, errorCode: errorCode, prompt: prompt,
                             station: context.channel.identity, within: action.within)
    }

    static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.jsonText
    }

    static func describe(_ record: ActionRecord) -> String {
        switch record.performer {
        case .emulator: "the emulator did: \(record.prompt)"
        case .operator: "operator prompted: \(record.prompt)"
        case .hook: "hook ran for: \(record.prompt) (exit \(record.exitStatus.map(String.init) ?? "?"))"
        case .nobody: "nobody could: \(record.prompt)"
        }
    }
}
