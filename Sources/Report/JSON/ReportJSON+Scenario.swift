import OCPP
import Runner

extension ReportJSON {
    static func scenario(_ scenario: ScenarioResult) -> JSONValue {
        [
            "id": .string(scenario.id),
            "name": .string(scenario.name),
            "file": .string(scenario.file),
            "location": location(scenario.location),
            "tags": strings(scenario.tags),
            "description": orNull(scenario.description),
            "suiteId": orNull(scenario.suiteId),
            "judgedBySuiteVerdict": .bool(scenario.judgedBySuiteVerdict),
            "verdict": .string(scenario.verdict.rawValue),
            "reason": orNull(scenario.reason),
            "expectedFailure": orNull(scenario.expectedFailure),
            "countsAsFailure": .bool(scenario.countsAsFailure),
            "requiredMode": orNull(scenario.requiredMode?.rawValue),
            "connectionMode": orNull(scenario.connectionMode?.rawValue),
            "started": time(scenario.started),
            "ended": time(scenario.ended),
            "durationSeconds": seconds(scenario.duration),
            "steps": .array(scenario.steps.map(step)),
            "unconsumedCalls": .array(scenario.unconsumedCalls.map(receivedCall)),
            "unlistedUnconsumedCalls": .integer(scenario.unlistedUnconsumedCalls),
            "variables": .object(JSONObject(scenario.variables.sorted { $0.key < $1.key }.map {
                .init(key: $0.key, value: $0.value)
            })),
            "findings": .array(scenario.findings.map(finding)),
            "traceRange": scenario.traceRange.map { ["first": .integer($0.lowerBound), "last": .integer($0.upperBound)] }
                ?? .null,
        ]
    }

    static func step(_ step: StepResult) -> JSONValue {
        [
            "verb": .string(step.verb),
            "name": orNull(step.name),
            "action": orNull(step.action),
            "location": location(step.location),
            "phase": .string(step.phase.rawValue),
            "summary": orNull(step.summary),
            "started": time(step.started),
            "ended": time(step.ended),
            "durationSeconds": seconds(step.duration),
            "outcome": .string(step.outcome.rawValue),
            "failure": step.failure.map(failure) ?? .null,
            "traceSequences": .array(step.traceSequences.map { .integer($0) }),
            "physicalAction": step.physicalAction.map(physicalAction) ?? .null,
            "children": .array(step.children.map(self.step)),
            "unlistedChildren": step.unlisted.map { ["after": .integer($0.after), "count": .integer($0.count)] } ?? .null,
        ]
    }

    static func failure(_ failure: StepFailure) -> JSONValue {
        [
            "message": .string(failure.message),
            "expected": orNull(failure.expected),
            "received": orNull(failure.received),
            "mismatches": .array(failure.mismatches.map { mismatch in
                ["path": .string(mismatch.path.description), "wanted": .string(mismatch.wanted), "got": .string(mismatch.got)]
            }),
            "violations": .array(failure.violations.map(violation)),
            "lastFrames": .array(failure.lastFrames.map(\.jsonValue)),
        ]
    }

    static func physicalAction(_ action: ActionRecord) -> JSONValue {
        [
            "act": .string(action.act),
            "connector": action.connector.map { .integer($0) } ?? .null,
            "idTag": orNull(action.idTag),
            "errorCode": orNull(action.errorCode),
            "prompt": .string(action.prompt),
            "performer": .string(action.performer.rawValue),
            "command": orNull(action.command),
            "exitStatus": action.exitStatus.map { .integer(Int($0)) } ?? .null,
            "output": orNull(action.output),
        ]
    }

    static func receivedCall(_ call: ReceivedCall) -> JSONValue {
        [
            "messageId": .string(call.messageId),
            "action": .string(call.action),
            "payload": call.payload,
            "received": time(call.received),
            "traceSequence": call.traceSequence.map { .integer($0) } ?? .null,
            "answeredBy": .string(call.answeredBy),
        ]
    }
}
