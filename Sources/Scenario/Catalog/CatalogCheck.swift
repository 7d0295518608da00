import YAML

/// Checks a loaded scenario against a ``MessageCatalog``: known actions sent the right way, known payload fields with
/// the right types and enum values, in `with:`, `reply:` and `match:`.
struct CatalogCheck {
    let catalog: any MessageCatalog

    func check(_ scenario: Scenario) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in scenario.steps + scenario.teardown {
            step.forEach { diagnostics += check(step: $0) }
        }
        for (action, reply) in scenario.replies.sorted(by: { $0.key < $1.key }) {
            if let problem = unknownAction(action, at: reply.location) { diagnostics.append(problem) }
        }
        return diagnostics
    }

    private func check(step: Step) -> [Diagnostic] {
        guard let action = step.action else { return [] }
        if action == "any" { return [] }
        if let problem = unknownAction(action, at: step.location) { return [problem] }
        switch (step.kind, catalog.initiator(of: action)) {
        case (.send, .station?):
            return [.error("\(action) is sent by the station, not the central system", at: step.location, hint: "use 'expect: \(action)'")]
        case (.expect, .centralSystem?), (.expectNone, .centralSystem?):
            return [.error("\(action) is sent by the central system, never by the station", at: step.location, hint: "use 'send: \(action)'")]
        default:
            return []
        }
    }

    private func unknownAction(_ action: String, at location: YAML.Location) -> Diagnostic? {
        guard catalog.initiator(of: action) == nil else { return nil }
        return .error("unknown OCPP action '\(action)'", at: location, hint: NameSuggestions.didYouMean(action, in: catalog.actionNames))
    }
}
