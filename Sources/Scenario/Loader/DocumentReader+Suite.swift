import OCPP
import YAML

extension DocumentReader {
    /// Reads a suite document. `loadScenarios` loads a `scenarios:` entry (a file or a folder, relative to the suite)
    /// and returns its scenarios, or an empty list after reporting why.
    func suite(_ root: YAMLNode, defaultID: String, loadScenarios: (String, Location) -> [Scenario], folderScenarios: () -> [Scenario]) -> Suite? {
        guard let fields = fields(of: root, allowed: LanguageKeys.suite, what: "a suite") else { return nil }
        let title = fields["suite"].flatMap { name($0, what: "suite") } ?? defaultID
        let id = fields["id"].flatMap { name($0, what: "id") } ?? defaultID
        let description = fields["description"].flatMap { string($0, what: "description") }
        let given = fields["given"].map { variables($0, what: "given") } ?? []
        var scenarios: [Scenario] = []
        if let listNode = fields["scenarios"] {
            for item in listNode.sequence ?? [listNode] {
                guard let path = name(item, what: "each of scenarios") else { continue }
                for scenario in loadScenarios(path, item.location) where !scenarios.contains(where: { $0.file == scenario.file }) {
                    scenarios.append(scenario)
                }
            }
        } else {
            scenarios = folderScenarios()
        }
        if scenarios.isEmpty { warning("the suite holds no scenarios", at: root.location) }
        let ids = scenarios.map(\.metadata.id)
        let rules = fields["verdict"].map { verdictRules($0, ids: ids) } ?? []
        let optional = fields["optional-messages"].flatMap { names($0, what: "optional-messages") } ?? []
        if let optionalNode = fields["optional-messages"] { checkMessageNames(optional, in: optionalNode) }
        return Suite(name: title, id: id, description: description, given: given, scenarios: scenarios, rules: rules, optionalMessages: optional, file: file, location: root.location)
    }

    private func verdictRules(_ node: YAMLNode, ids: [String]) -> [VerdictRule] {
        guard let items = node.sequence else {
            error("verdict must be a list of rules, found \(describe(node))", at: node.location)
            return []
        }
        var rules: [VerdictRule] = []
        for item in items {
            guard let fields = fields(of: item, allowed: LanguageKeys.verdictRule, what: "a verdict rule") else { continue }
            let kinds = fields.present(["all-pass", "any-pass", "messages"])
            guard kinds.count == 1, let key = kinds.first, let value = fields[key] else {
                error("a verdict rule needs exactly one of 'all-pass:', 'any-pass:', 'messages:'", at: item.location)
                continue
            }
            guard let list = names(value, what: key) else { continue }
            if key == "messages" {
                checkMessageNames(list, in: value)
            } else {
                for (index, pattern) in list.enumerated() where !ids.contains(where: { VerdictRule.pattern(pattern, selects: $0) }) {
                    let location = value.sequence?[safe: index]?.location ?? value.location
                    error("no scenario of the suite has id '\(pattern)'", at: location, hint: Suggestions.didYouMean(pattern, among: ids))
                }
            }
            let kind: VerdictRule.Kind = key == "all-pass" ? .allPass(list) : key == "any-pass" ? .anyPass(list) : .messages(list)
            let title = fields["name"].flatMap { name($0, what: "name") } ?? key
            rules.append(VerdictRule(name: title, kind: kind, location: item.location))
        }
        return rules
    }
}
