import OCPP
import YAML

extension DocumentReader {
    /// Reads a scenario or fixture document. `include` loads a `uses:` entry (path relative to this file) and
    /// returns the loaded file, or `nil` after reporting why not.
    func scenario(_ root: YAMLNode, kind: Scenario.Kind, defaultID: String, include: (String, Location) -> Scenario?) -> Scenario? {
        let keys = kind == .scenario ? LanguageKeys.scenario : LanguageKeys.fixture
        let what = kind == .scenario ? "a scenario" : "a fixture"
        guard let fields = fields(of: root, allowed: keys, what: what) else { return nil }
        let title = fields[kind.rawValue].flatMap { name($0, what: kind.rawValue) } ?? defaultID
        let id = fields["id"].flatMap { name($0, what: "id") } ?? defaultID
        let tags = fields["tags"].flatMap { names($0, what: "tags") } ?? []
        let description = fields["description"].flatMap { string($0, what: "description") }
        let requirements = fields["requires"].flatMap { self.requirements($0) } ?? Requirements()
        let expectedFailure = fields["expected-failure"].flatMap { name($0, what: "expected-failure") }
        let timeout = fields["timeout"].flatMap { duration($0, what: "timeout") } ?? Defaults.scenarioTimeout
        let defaults = StepDefaults(within: fields["within"].flatMap { duration($0, what: "within") })

        let given = fields["given"].map { variables($0, what: "given") } ?? []
        let uses = fields["uses"].map { includes($0, include: include) } ?? []
        let replies = fields["replies"].map { self.replies($0) } ?? [:]
        var steps: [Step] = []
        if let stepsNode = required("steps", in: fields, what: what) {
            steps = self.steps(stepsNode, what: "steps", defaults: defaults)
        }
        let teardown = fields["teardown"].map { self.steps($0, what: "teardown", defaults: defaults) } ?? []
        let metadata = ScenarioMetadata(name: title, id: id, tags: tags, description: description, requirements: requirements, expectedFailure: expectedFailure)
        return Scenario(kind: kind, metadata: metadata, given: given, uses: uses, replies: replies, steps: steps, teardown: teardown, timeout: timeout, file: file, location: root.location)
    }

    /// `given:` (or `with:`) a mapping of names to templates; each value sees the names before it.
    func variables(_ node: YAMLNode, what: String) -> [Variable] {
        guard let pairs = node.mapping else {
            error("\(what) must be a mapping of names to values, found \(describe(node))", at: node.location)
            return []
        }
        var result: [Variable] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.text, Self.isVariableName(name) else {
                error("variable names must be identifiers (letters, digits, _), found \(describe(pair.key))", at: pair.key.location)
                continue
            }
            if Environment.runnerProvidedNames.contains(name) {
                error("'\(name)' is provided by the runner; choose another name", at: pair.key.location)
                continue
            }
            if let value = template(pair.value) { result.append(Variable(name: name, value: value, location: pair.key.location)) }
            scope.insert(name)
        }
        return result
    }

    /// `requires:`.
    private func requirements(_ node: YAMLNode) -> Requirements? {
        guard let fields = fields(of: node, allowed: LanguageKeys.requires, what: "requires") else { return nil }
        var result = Requirements()
        result.security = fields["security"].flatMap { choice($0, what: "security mode", of: SecurityMode.self) }
        result.messages = fields["messages"].flatMap { names($0, what: "messages") } ?? []
        if let messagesNode = fields["messages"] { checkMessageNames(result.messages, in: messagesNode) }
        result.profiles = fields["profiles"].flatMap { names($0, what: "profiles") } ?? []
        for (index, profile) in result.profiles.enumerated() where !FeatureProfile.allCases.map(\.rawValue).contains(profile) {
            let location = fields["profiles"]?.sequence?[safe: index]?.location ?? fields.location
            error("'\(profile)' is not an OCPP 1.6 feature profile", at: location, hint: Suggestions.didYouMean(profile, among: FeatureProfile.allCases.map(\.rawValue)) ?? "profiles are \(FeatureProfile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        result.connectors = fields["connectors"].flatMap { integer($0, what: "connectors", in: 1...100) }
        result.fixedCable = fields["fixed-cable"].flatMap { bool($0, what: "fixed-cable") }
        if let tagsNode = fields["id-tags"] {
            let items = tagsNode.sequence ?? [tagsNode]
            result.idTags = items.compactMap { choice($0, what: "id-tag kind", of: IdTagKind.self) }
        }
        return result
    }

    /// `uses:` one path, or a list of paths and `{file:, with:}` mappings.
    private func includes(_ node: YAMLNode, include: (String, Location) -> Scenario?) -> [Include] {
        let items = node.sequence ?? [node]
        var result: [Include] = []
        for item in items {
            var pathNode = item
            var bindings: [Variable] = []
            if item.mapping != nil {
                guard let fields = fields(of: item, allowed: LanguageKeys.include, what: "a 'uses' entry"),
                    let fileNode = required("file", in: fields, what: "a 'uses' entry")
                else { continue }
                pathNode = fileNode
                bindings = fields["with"].map { variables($0, what: "with") } ?? []
            }
            guard let path = name(pathNode, what: "uses") else { continue }
            guard let scenario = include(path, pathNode.location) else { continue }
            let unknown = bindings.filter { binding in !scenario.given.contains { $0.name == binding.name } }
            for binding in unknown {
                error("'\(binding.name)' is not a 'given' variable of \(path)", at: binding.location,
                      hint: Suggestions.didYouMean(binding.name, among: scenario.given.map(\.name)) ?? (scenario.given.isEmpty ? "it has no 'given' variables" : "it has: \(scenario.given.map(\.name).joined(separator: ", "))"))
            }
            scope.formUnion(scenario.definedNames)
            result.append(Include(path: path, bindings: bindings, scenario: scenario, location: item.location))
        }
        return result
    }

    /// `replies:` action name → reply keys.
    private func replies(_ node: YAMLNode) -> [String: Reply] {
        guard let pairs = node.mapping else {
            error("replies must be a mapping of action names to replies, found \(describe(node))", at: node.location)
            return [:]
        }
        var result: [String: Reply] = [:]
        for pair in pairs {
            guard let action = name(pair.key, what: "an action name") else { continue }
            let known = catalogAction(action, at: pair.key, sentBy: .chargePoint, verb: "replies")
            guard let fields = fields(of: pair.value, allowed: LanguageKeys.reply, what: "a 'replies' entry") else { continue }
            switch reply(fields, what: "a 'replies' entry", action: known) {
            case .some(.some(let reply)): result[action] = reply
            case .some(.none): error("a 'replies' entry needs 'reply:', 'reply-error:', 'no-reply:' or 'reply-raw:'", at: pair.value.location)
            case .none: break
            }
        }
        return result
    }
}

extension Scenario {
    /// Names a scenario leaves defined for the steps after it when used as a precondition: its `given` variables and
    /// every capture of its steps and of its own preconditions.
    var definedNames: Set<String> {
        var names = Set(given.map(\.name))
        for include in uses { names.formUnion(include.scenario.definedNames) }
        for step in steps {
            step.forEach { step in
                switch step.kind {
                case .send(let send): names.formUnion(send.captures.map(\.name))
                case .expect(let expect): names.formUnion(expect.captures.map(\.name))
                default: break
                }
            }
        }
        return names
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
