import OCPP
import Runner

extension ReportJSON {
    static func finding(_ finding: OCPPFinding) -> JSONValue {
        [
            "kind": .string(finding.kind.rawValue),
            "severity": .string(finding.severity.rawValue),
            "message": .string(finding.message),
            "sender": orNull(finding.sender?.rawValue),
            "messageId": orNull(finding.messageId),
            "action": orNull(finding.action),
            "raw": orNull(finding.raw),
            "violations": .array(finding.violations.map(violation)),
            "location": orNull(finding.location),
        ]
    }

    /// `value` is left out when the value is missing (a `required` violation), and is JSON `null` when the station
    /// sent `null`.
    static func violation(_ violation: Violation) -> JSONValue {
        var object: JSONObject = [
            "path": .string(violation.path.description),
            "rule": .string(violation.rule.rawValue),
            "severity": .string(violation.severity.rawValue),
            "message": .string(violation.message),
            "hint": orNull(violation.hint),
        ]
        if let value = violation.value { object["value"] = value }
        return .object(object)
    }

    static func suite(_ suite: SuiteVerdict) -> JSONValue {
        [
            "suiteId": .string(suite.suiteId),
            "name": .string(suite.name),
            "file": .string(suite.file),
            "passed": .bool(suite.passed),
            "rules": .array(suite.rules.map { rule in
                ["name": .string(rule.name), "kind": .string(rule.kind), "location": location(rule.location),
                 "passed": .bool(rule.passed), "detail": .string(rule.detail)]
            }),
            "messages": .array(suite.messages.map { message in
                ["action": .string(message.action), "required": .bool(message.required), "seen": .bool(message.seen),
                 "valid": .bool(message.valid), "count": .integer(message.count),
                 "scenarios": strings(message.scenarios), "problem": orNull(message.problem)]
            }),
            "connectionModes": .array(suite.connectionModes.map { mode in
                ["mode": .string(mode.mode.rawValue), "status": .string(mode.status.rawValue),
                 "scenarios": strings(mode.scenarios)]
            }),
        ]
    }
}
