import OCPP
import Scenario

/// How `list` shows scenarios and suites, as text and as JSON.
extension Scenario {
    /// The prerequisites in words, e.g. "profiles Core; at least 2 connectors; id-tags valid".
    var prerequisitesText: [String] {
        let requirements = metadata.requirements
        var parts: [String] = []
        if !requirements.profiles.isEmpty { parts.append("profiles \(requirements.profiles.joined(separator: ", "))") }
        if let connectors = requirements.connectors { parts.append("at least \(connectors) connector\(connectors == 1 ? "" : "s")") }
        if let fixed = requirements.fixedCable { parts.append(fixed ? "fixed cable" : "socket (no fixed cable)") }
        if !requirements.idTags.isEmpty { parts.append("id-tags \(requirements.idTags.map(\.rawValue).joined(separator: ", "))") }
        if needsOperator { parts.append("physical acts (operator, hook or emulator)") }
        return parts
    }

    var listingText: String {
        var lines = ["\(metadata.id)  \(metadata.name)", "    file: \(file)"]
        if !metadata.tags.isEmpty { lines.append("    tags: \(metadata.tags.joined(separator: ", "))") }
        let messages = metadata.requirements.messages.isEmpty ? actionsUsed : metadata.requirements.messages
        if !messages.isEmpty { lines.append("    messages: \(messages.joined(separator: ", "))") }
        lines.append("    connection: \(metadata.requirements.security?.rawValue ?? "any")")
        if !prerequisitesText.isEmpty { lines.append("    requires: \(prerequisitesText.joined(separator: "; "))") }
        if !uses.isEmpty { lines.append("    uses: \(uses.map(\.path).joined(separator: ", "))") }
        if let reason = metadata.expectedFailure { lines.append("    expected failure: \(reason)") }
        return lines.joined(separator: "\n")
    }

    var listingJSON: JSONValue {
        let requirements = metadata.requirements
        var object: JSONObject = [
            "id": .string(metadata.id), "name": .string(metadata.name), "file": .string(file),
            "tags": .array(metadata.tags.map { .string($0) }),
            "complianceCases": .array(metadata.complianceCases.map { .string($0) }),
            "requiredMessages": .array(requirements.messages.map { .string($0) }),
            "actions": .array(actionsUsed.map { .string($0) }),
            "connection": requirements.security.map { .string($0.rawValue) } ?? .null,
            "profiles": .array(requirements.profiles.map { .string($0) }),
            "connectors": requirements.connectors.map { .integer($0) } ?? .null,
            "fixedCable": requirements.fixedCable.map { .bool($0) } ?? .null,
            "idTags": .array(requirements.idTags.map { .string($0.rawValue) }),
            "needsOperator": .bool(needsOperator),
            "uses": .array(uses.map { .string($0.path) }),
        ]
        object["expectedFailure"] = metadata.expectedFailure.map { .string($0) } ?? .null
        if let description = metadata.description { object["description"] = .string(description) }
        return .object(object)
    }
}

extension Suite {
    var listingText: String {
        var lines = ["Suite \(id)  \(name)", "    file: \(file)", "    scenarios: \(scenarios.count)"]
        for rule in rules {
            switch rule.kind {
            case .allPass(let ids): lines.append("    verdict: \(rule.name): all pass of \(ids.joined(separator: ", "))")
            case .anyPass(let ids): lines.append("    verdict: \(rule.name): at least one passes of \(ids.joined(separator: ", "))")
            case .messages(let names): lines.append("    verdict: \(rule.name): exchanged and valid: \(names.joined(separator: ", "))")
            }
        }
        if !optionalMessages.isEmpty { lines.append("    optional messages: \(optionalMessages.joined(separator: ", "))") }
        lines.append("")
        for scenario in scenarios { lines += [scenario.listingText, ""] }
        return lines.joined(separator: "\n")
    }

    var listingJSON: JSONValue {
        let ruleValues: [JSONValue] = rules.map { rule in
            switch rule.kind {
            case .allPass(let ids): ["name": .string(rule.name), "kind": "all-pass", "items": .array(ids.map { .string($0) })]
            case .anyPass(let ids): ["name": .string(rule.name), "kind": "any-pass", "items": .array(ids.map { .string($0) })]
            case .messages(let names): ["name": .string(rule.name), "kind": "messages", "items": .array(names.map { .string($0) })]
            }
        }
        return [
            "id": .string(id), "name": .string(name), "file": .string(file),
            "scenarios": .array(scenarios.map { .string($0.metadata.id) }),
            "verdict": .array(ruleValues),
            "optionalMessages": .array(optionalMessages.map { .string($0) }),
        ]
    }
}
