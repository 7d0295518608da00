import OCPP
import YAML

extension DocumentReader {
    /// A payload pattern: mappings match partially, sequences exactly, scalars by equality; `$`-keyed mappings are
    /// operators.
    /// With a catalog `type`, literal values are typed and checked by the schema and unknown fields are reported.
    func matcher(_ node: YAMLNode, extraNames: Set<String> = [], type: OCPPType? = nil, field: String = "payload") -> Matcher? {
        switch node.content {
        case .scalar:
            return template(node, extraNames: extraNames, type: type, field: field).map(Matcher.equals)
        case .sequence(let items):
            let (ok, element) = elementType(of: type, for: node, field: field)
            guard ok else { return nil }
            var elements: [Matcher] = []
            var failed = false
            for item in items {
                if let matcher = matcher(item, extraNames: extraNames, type: element, field: field) { elements.append(matcher) } else { failed = true }
            }
            return failed ? nil : .array(elements)
        case .mapping(let pairs):
            let keys = pairs.compactMap { $0.key.scalar?.text }
            let operators = keys.filter { $0.hasPrefix("$") }
            if operators.isEmpty { return objectMatcher(pairs, at: node, extraNames: extraNames, type: type, field: field) }
            if operators.count != pairs.count {
                let field = keys.first { !$0.hasPrefix("$") } ?? "?"
                error("a mapping cannot mix matcher operators (\(operators[0])) with fields ('\(field)')", at: node.location, hint: "put the operators under the field they test")
                return nil
            }
            var matchers: [Matcher] = []
            var failed = false
            for pair in pairs {
                if let matcher = operatorMatcher(pair, extraNames: extraNames, type: type, field: field) { matchers.append(matcher) } else { failed = true }
            }
            if failed { return nil }
            return matchers.count == 1 ? matchers[0] : .all(matchers)
        }
    }

    private func objectMatcher(_ pairs: [YAMLNode.Pair], at node: YAMLNode, extraNames: Set<String>, type: OCPPType?, field: String) -> Matcher? {
        let (ok, types) = fieldTypes(of: type, for: node, pairs: pairs, field: field, requireAll: false)
        guard ok else { return nil }
        let fields = members(pairs, types: types) { key, value, type in
            matcher(value, extraNames: extraNames, type: type, field: key)
        }
        return fields.map { .object($0.map { Matcher.Field(key: $0.key, matcher: $0.value) }) }
    }

    private func operatorMatcher(_ pair: YAMLNode.Pair, extraNames: Set<String>, type: OCPPType?, field: String) -> Matcher? {
        var element: OCPPType?
        if case .array(let elementType, _) = type { element = elementType }
        let name = pair.key.scalar?.text ?? ""
        let value = pair.value
        switch name {
        case "$type":
            return choice(value, what: "$type", of: Matcher.ValueType.self).map(Matcher.type)
        case "$eq", "$ne", "$gt", "$gte", "$lt", "$lte":
            guard let comparison = Matcher.Comparison(rawValue: name), let bound = template(value, extraNames: extraNames, type: type, field: field) else { return nil }
            return .compare(comparison, bound)
        case "$regex":
            guard let pattern = string(value, what: "$regex") else { return nil }
            do {
                _ = try Regex(pattern)
            } catch {
                self.error("$regex '\(pattern)' is not a valid regular expression: \(error)", at: value.location)
                return nil
            }
            return .regex(pattern)
        case "$oneOf":
            guard let items = value.sequence, !items.isEmpty else {
                error("$oneOf must be a non-empty list of values, found \(describe(value))", at: value.location)
                return nil
            }
            let options = items.compactMap { template($0, extraNames: extraNames, type: type, field: field) }
            return options.count == items.count ? .oneOf(options) : nil
        case "$absent", "$exists", "$any":
            guard let flag = bool(value, what: name) else { return nil }
            guard flag else {
                error("\(name) only takes true", at: value.location, hint: name == "$absent" ? "use $exists: true" : name == "$exists" ? "use $absent: true" : nil)
                return nil
            }
            return name == "$absent" ? .absent : name == "$exists" ? .exists : .any
        case "$len":
            return matcher(value, extraNames: extraNames).map(Matcher.length)
        case "$contains":
            if value.scalar != nil { return template(value, extraNames: extraNames).map(Matcher.containsText) }
            guard let items = value.sequence else {
                error("$contains takes a list of element patterns or a string, found \(describe(value))", at: value.location)
                return nil
            }
            let matchers = items.compactMap { matcher($0, extraNames: extraNames, type: element, field: field) }
            return matchers.count == items.count ? .contains(matchers) : nil
        case "$unordered":
            guard let items = value.sequence else {
                error("$unordered takes a list of element patterns, found \(describe(value))", at: value.location)
                return nil
            }
            let matchers = items.compactMap { matcher($0, extraNames: extraNames, type: element, field: field) }
            return matchers.count == items.count ? .unordered(matchers) : nil
        case "$each":
            return matcher(value, extraNames: extraNames, type: element, field: field).map(Matcher.each)
        case "$exact":
            return template(value, extraNames: extraNames, type: type, field: field).map(Matcher.exact)
        case "$not":
            return matcher(value, extraNames: extraNames, type: type, field: field).map(Matcher.not)
        default:
            error("unknown matcher operator '\(name)'", at: pair.key.location, hint: Suggestions.didYouMean(name, among: LanguageKeys.matcherOperators) ?? "operators are \(LanguageKeys.matcherOperators.joined(separator: ", "))")
            return nil
        }
    }
}
