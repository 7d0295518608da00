import OCPP
import YAML

/// Step-level defaults that come from the scenario (`within:`) rather than the step.
struct StepDefaults {
    /// The scenario's `within:`, used by `send` and `expect` steps without their own.
    var within: Duration?
}

extension DocumentReader {
    /// Deepest nesting of `any-order` and `repeat` groups.
    static let maximumGroupDepth = 16

    /// A list of steps, read in execution order so captures come into scope for the steps after them.
    func steps(_ node: YAMLNode, what: String, defaults: StepDefaults, depth: Int = 0) -> [Step] {
        guard let items = node.sequence else {
            error("\(what) must be a list of steps, found \(describe(node))", at: node.location)
            return []
        }
        if items.isEmpty { warning("\(what) is empty", at: node.location) }
        return items.compactMap { step($0, defaults: defaults, depth: depth) }
    }

    /// One step: exactly one verb key, then that verb's modifiers.
    func step(_ node: YAMLNode, defaults: StepDefaults, depth: Int) -> Step? {
        guard let pairs = node.mapping else {
            error("a step must be a mapping with a verb such as 'send:' or 'expect:', found \(describe(node))", at: node.location)
            return nil
        }
        let keys = pairs.compactMap { pair in pair.key.scalar.map { ($0.text, pair.key.location) } }
        let verbs = keys.filter { LanguageKeys.verbs.contains($0.0) }
        guard let (verb, _) = verbs.first else {
            let allKeys = LanguageKeys.steps.flatMap(\.keys)
            if let (key, location) = keys.first(where: { !allKeys.contains($0.0) }), let suggestion = Suggestions.closest(to: key, among: LanguageKeys.verbs, limit: 1).first {
                error("unknown step kind '\(key)'", at: location, hint: "did you mean '\(suggestion)'?")
            } else {
                error("a step needs a verb; use one of: \(LanguageKeys.verbs.joined(separator: ", "))", at: node.location)
            }
            return nil
        }
        if verbs.count > 1 {
            let hint = verbs.contains(where: { $0.0 == "send" }) && verbs.contains(where: { $0.0 == "expect" })
                ? "to check the answer to a send, use 'match:'" : "split it into one step per verb"
            error("a step has one verb, found '\(verbs[0].0)' and '\(verbs[1].0)'", at: verbs[1].1, hint: hint)
            return nil
        }
        let allowed = LanguageKeys.steps.first { $0.verb == verb }?.keys ?? []
        guard let fields = fields(of: node, allowed: allowed, what: Self.stepDescription(verb)), let value = fields[verb] else { return nil }
        let name = fields["name"].flatMap { string($0, what: "name") }
        guard let kind = stepKind(verb, value: value, fields: fields, defaults: defaults, depth: depth) else { return nil }
        return Step(kind, name: name, location: node.location)
    }

    /// "a 'send' step", "an 'expect' step".
    static func stepDescription(_ verb: String) -> String {
        (["a", "e", "i", "o", "u"].contains(verb.prefix(1)) ? "an" : "a") + " '\(verb)' step"
    }

    private func stepKind(_ verb: String, value: YAMLNode, fields: Fields, defaults: StepDefaults, depth: Int) -> Step.Kind? {
        switch verb {
        case "send": return send(value, fields: fields, defaults: defaults).map(Step.Kind.send)
        case "expect": return expect(value, fields: fields, defaults: defaults).map(Step.Kind.expect)
        case "wait": return duration(value, what: "wait").map(Step.Kind.wait)
        case "hold":
            guard let length = duration(value, what: "hold") else { return nil }
            let interval = fields["heartbeat-interval"].flatMap { duration($0, what: "heartbeat-interval") }
            let tolerance = fields["tolerance"].flatMap { duration($0, what: "tolerance") }
            return .hold(Hold(duration: length, heartbeatInterval: interval, tolerance: tolerance))
        case "expect-disconnect", "expect-reconnect":
            guard flag(value, verb: verb) else { return nil }
            let bound = fields["within"].flatMap { duration($0, what: "within") }
            return verb == "expect-disconnect"
                ? .expectDisconnect(within: bound ?? Defaults.disconnectWithin)
                : .expectReconnect(within: bound ?? Defaults.reconnectWithin)
        case "expect-none":
            guard let actionName = name(value, what: "expect-none") else { return nil }
            let action = actionName == "any" ? nil : catalogAction(actionName, at: value, sentBy: .chargePoint, verb: "expect-none")
            guard let forNode = required("for", in: fields, what: "an 'expect-none' step"), let length = duration(forNode, what: "for") else { return nil }
            let match = fields["match"].flatMap { matcher($0, type: action.map { .object($0.request) }) }
            return .expectNone(ExpectNone(action: actionName == "any" ? nil : actionName, match: match, duration: length))
        case "action": return action(value, fields: fields).map(Step.Kind.action)
        case "any-order":
            guard depth < Self.maximumGroupDepth else { return tooDeep(value) }
            let before = scope
            var after = scope
            var children: [Step] = []
            if let items = value.sequence {
                for item in items {
                    scope = before
                    if let child = step(item, defaults: defaults, depth: depth + 1) { children.append(child) }
                    after.formUnion(scope)
                }
                scope = after
            } else {
                error("any-order must be a list of steps, found \(describe(value))", at: value.location)
            }
            if children.count == 1 { warning("any-order with one step is just that step", at: value.location) }
            return .anyOrder(children)
        case "repeat": return repetition(value, fields: fields, defaults: defaults, depth: depth)
        case "assert":
            guard let expression = expression(value, what: "assert") else { return nil }
            let message = fields["message"].flatMap { interpolation($0, what: "message") }
            return .assert(Assertion(expression: expression, message: message))
        case "log": return interpolation(value, what: "log").map(Step.Kind.log)
        default: return nil
        }
    }

    private func tooDeep(_ node: YAMLNode) -> Step.Kind? {
        error("groups are nested more than \(Self.maximumGroupDepth) levels deep", at: node.location)
        return nil
    }

    /// `expect-disconnect: true` (or empty): the verb takes no value of its own.
    private func flag(_ value: YAMLNode, verb: String) -> Bool {
        if let scalar = value.scalar, scalar.isPlain, scalar.coreValue == .null || scalar.coreValue == .bool(true) { return true }
        error("\(verb) takes no value (write '\(verb): true'), found \(describe(value))", at: value.location, hint: "put the bound in 'within:'")
        return false
    }

    private func send(_ value: YAMLNode, fields: Fields, defaults: StepDefaults) -> Send? {
        guard let actionName = name(value, what: "send") else { return nil }
        let invalid = fields["invalid"].flatMap { bool($0, what: "invalid") } ?? false
        let action = catalogAction(actionName, at: value, sentBy: .centralSystem, verb: "send")
        let requestType = invalid ? nil : action.map { OCPPType.object($0.request) }
        let payload: Template?
        if let withNode = fields["with"] {
            payload = template(withNode, type: requestType, requireAll: true)
        } else {
            if let action, !invalid, !action.request.requiredFieldNames.isEmpty {
                error("\(action.request.name) needs \(action.request.requiredFieldNames.map { "'\($0)'" }.joined(separator: ", ")); add 'with:'", at: value.location)
            }
            payload = .constant(.object(.init()))
        }
        let match = fields["match"].flatMap { matcher($0, type: action.map { .object($0.response) }) }
        let matchError = fields["match-error"].flatMap { node -> Matcher? in
            guard self.fields(of: node, allowed: LanguageKeys.replyError, what: "match-error") != nil else { return nil }
            return matcher(node)
        }
        if fields["match"] != nil, fields["match-error"] != nil {
            error("a send cannot have both 'match:' and 'match-error:'", at: fields.keyNode("match-error")?.location ?? fields.location)
        }
        let within = fields["within"].flatMap { duration($0, what: "within") } ?? defaults.within ?? Defaults.sendWithin
        let captured = fields["capture"].map { captures($0, roots: ["payload", "result"]) } ?? []
        guard let payload else { return nil }
        return Send(action: actionName, payload: payload, match: match, matchError: matchError, captures: captured, within: within, invalid: invalid)
    }

    private func expect(_ value: YAMLNode, fields: Fields, defaults: StepDefaults) -> Expect? {
        guard let actionName = name(value, what: "expect") else { return nil }
        let action = catalogAction(actionName, at: value, sentBy: .chargePoint, verb: "expect")
        let match = fields["match"].flatMap { matcher($0, type: action.map { .object($0.request) }) }
        let reply = reply(fields, what: "an 'expect' step", action: action)
        let within = fields["within"].flatMap { duration($0, what: "within") } ?? defaults.within ?? Defaults.expectWithin
        let optional = fields["optional"].flatMap { bool($0, what: "optional") } ?? false
        let captured = fields["capture"].map { captures($0, roots: ["payload", "reply"]) } ?? []
        return Expect(action: actionName, match: match, captures: captured, reply: reply ?? nil, within: within, optional: optional)
    }

    /// `capture: {name: expression}`; the names enter the scope after the step.
    private func captures(_ node: YAMLNode, roots: Set<String>) -> [Capture] {
        guard let pairs = node.mapping else {
            error("capture must be a mapping of names to expressions (e.g. 'txId: reply.transactionId'), found \(describe(node))", at: node.location)
            return []
        }
        var result: [Capture] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.text, Self.isVariableName(name) else {
                error("capture names must be identifiers (letters, digits, _), found \(describe(pair.key))", at: pair.key.location)
                continue
            }
            if roots.contains(name) || Environment.runnerProvidedNames.contains(name) {
                error("'\(name)' is a reserved name; choose another capture name", at: pair.key.location)
                continue
            }
            if let expression = expression(pair.value, what: "capture '\(name)'", extraNames: roots) {
                if !expression.freeVariables.contains(where: roots.contains) {
                    warning("capture '\(name)' reads nothing from the message; captures usually start with \(roots.sorted().map { "'\($0).'" }.joined(separator: " or "))", at: pair.value.location)
                }
                result.append(Capture(name: name, expression: expression, location: pair.key.location))
            }
        }
        scope.formUnion(result.map(\.name))
        return result
    }

    /// A valid variable name: a letter or `_`, then letters, digits, `_`; not a literal keyword.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
            && !["true", "false", "null"].contains(name)
    }

    /// The reply keys of an `expect` step or a `replies` entry; `.some(nil)` when none is given.
    func reply(_ fields: Fields, what: String, action: OCPPAction?) -> Reply?? {
        let given = fields.present(["reply", "reply-error", "no-reply", "reply-raw"])
        if given.count > 1 {
            error("\(what) can answer one way only, found '\(given[0])' and '\(given[1])'", at: fields.keyNode(given[1])?.location ?? fields.location)
            return nil
        }
        let delay = fields["reply-after"].flatMap { duration($0, what: "reply-after") }
        guard let key = given.first, let node = fields[key] else {
            if let afterNode = fields.keyNode("reply-after") {
                error("'reply-after' needs 'reply:' or 'reply-error:' to delay", at: afterNode.location)
            }
            return .some(nil)
        }
        let location = fields.keyNode(key)?.location ?? fields.location
        switch key {
        case "reply":
            guard let payload = template(node, extraNames: ["payload"], type: action.map { .object($0.response) }, requireAll: true) else { return nil }
            return Reply(.result(payload), delay: delay, location: location)
        case "no-reply":
            guard let flag = bool(node, what: "no-reply") else { return nil }
            if !flag { error("no-reply only takes true; leave it out to answer", at: node.location) }
            if delay != nil { error("'reply-after' has nothing to delay with 'no-reply'", at: fields.keyNode("reply-after")?.location ?? location) }
            return Reply(.none, location: location)
        case "reply-raw":
            return interpolation(node, what: "reply-raw", extraNames: ["payload"]).map { Reply(.raw($0), delay: delay, location: location) }
        default:
            guard let errorFields = self.fields(of: node, allowed: LanguageKeys.replyError, what: "reply-error"),
                let codeNode = required("code", in: errorFields, what: "reply-error"), let code = name(codeNode, what: "code")
            else { return nil }
            if !Self.callErrorCodes.contains(code) {
                warning("'\(code)' is not an OCPP-J error code", at: codeNode.location, hint: Suggestions.didYouMean(code, among: Self.callErrorCodes) ?? "codes are \(Self.callErrorCodes.joined(separator: ", "))")
            }
            let description = errorFields["description"].flatMap { interpolation($0, what: "description", extraNames: ["payload"]) } ?? Interpolation(parts: [.text("")])
            let details = errorFields["details"].flatMap { template($0, extraNames: ["payload"]) } ?? .constant(.object(.init()))
            return Reply(.error(code: code, description: description, details: details), delay: delay, location: location)
        }
    }

    /// OCPP-J 1.6 CALLERROR codes.
    static let callErrorCodes = ["NotImplemented", "NotSupported", "InternalError", "ProtocolError", "SecurityError", "FormationViolation", "PropertyConstraintViolation", "OccurenceConstraintViolation", "TypeConstraintViolation", "GenericError"]

    private func action(_ value: YAMLNode, fields: Fields) -> PhysicalAction? {
        guard let act = choice(value, what: "action", of: PhysicalAction.Act.self) else { return nil }
        let connector = fields["connector"].flatMap { template($0) }
        let idTag = fields["id-tag"].flatMap { template($0) }
        let errorCode = fields["error-code"].flatMap { template($0) }
        let prompt = fields["prompt"].flatMap { interpolation($0, what: "prompt") }
        let within = fields["within"].flatMap { duration($0, what: "within") } ?? Defaults.actionWithin
        if act == .presentCard, idTag == nil, fields["id-tag"] == nil {
            error("'present-card' needs 'id-tag:'", at: fields.location)
        }
        if act == .fault, fields["error-code"] == nil {
            error("'fault' needs 'error-code:' (an OCPP ChargePointErrorCode such as GroundFailure)", at: fields.location)
        }
        return PhysicalAction(act: act, connector: connector, idTag: idTag, errorCode: errorCode, prompt: prompt, within: within)
    }

    private func repetition(_ value: YAMLNode, fields: Fields, defaults: StepDefaults, depth: Int) -> Step.Kind? {
        guard depth < Self.maximumGroupDepth else { return tooDeep(value) }
        let modes = fields.present(["times", "for-each"])
        guard modes.count == 1 else {
            error(modes.isEmpty ? "repeat needs 'times:' or 'for-each:'" : "repeat takes 'times:' or 'for-each:', not both", at: fields.location)
            return nil
        }
        let mode: Repeat.Mode
        var loopVariable = "iteration"
        if let timesNode = fields["times"] {
            if let scalar = timesNode.scalar, scalar.isPlain, case .integer(let count) = scalar.coreValue {
                guard (1...10_000).contains(count) else {
                    error("times must be between 1 and 10000, found \(count)", at: timesNode.location)
                    return nil
                }
            }
            guard let count = template(timesNode) else { return nil }
            mode = .times(count)
        } else {
            guard let node = fields["for-each"], let pairs = node.mapping, pairs.count == 1, let name = pairs[0].key.scalar?.text else {
                error("for-each must be one 'name: list' pair, e.g. 'for-each: {connector: [1, 2]}'", at: fields["for-each"]?.location ?? fields.location)
                return nil
            }
            guard Self.isVariableName(name) else {
                error("'\(name)' is not a valid variable name", at: pairs[0].key.location)
                return nil
            }
            guard let values = template(pairs[0].value) else { return nil }
            loopVariable = name
            mode = .forEach(variable: name, values: values)
        }
        let children = withScope(adding: [loopVariable]) { () -> ([Step], Set<String>) in
            let steps = steps(value, what: "repeat", defaults: defaults, depth: depth + 1)
            return (steps, scope)
        }
        scope.formUnion(children.1.subtracting([loopVariable]))
        return .repeating(Repeat(mode: mode, steps: children.0))
    }
}
