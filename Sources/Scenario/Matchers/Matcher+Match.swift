public import OCPP

extension Matcher {
    /// Every way `value` (nil: absent) fails the matcher; empty means it matches.
    public func match(_ value: JSONValue?, in environment: Environment) -> [Mismatch] {
        match(value, at: JSONPath.root, in: environment)
    }

    /// Whether `value` matches.
    public func matches(_ value: JSONValue?, in environment: Environment) -> Bool {
        match(value, in: environment).isEmpty
    }

    func match(_ value: JSONValue?, at path: JSONPath, in environment: Environment) -> [Mismatch] {
        func miss(_ wanted: String) -> [Mismatch] {
            [Mismatch(path: path, wanted: wanted, got: Self.show(value))]
        }
        switch self {
        case .any:
            return []
        case .absent:
            return value == nil ? [] : miss("absent")
        case .exists:
            return value == nil ? miss("present") : []
        default:
            break
        }
        guard let value else { return miss(summary(in: environment)) }
        switch self {
        case .any, .absent, .exists:
            return []
        case .equals(let template), .exact(let template):
            switch evaluate(template, in: environment, at: path) {
            case .failed(let mismatch): return [mismatch]
            case .value(let wanted): return wanted.isEquivalent(to: value) ? [] : miss(Self.show(wanted))
            }
        case .object(let fields):
            guard case .object(let object) = value else { return miss("an object") }
            return fields.flatMap { $0.matcher.match(object[$0.key], at: path.appending(key: $0.key), in: environment) }
        case .array(let elements):
            guard case .array(let actual) = value else { return miss("an array of \(elements.count)") }
            guard actual.count == elements.count else {
                return [Mismatch(path: path, wanted: "\(elements.count) element\(elements.count == 1 ? "" : "s")", got: "\(actual.count): \(Self.show(value))")]
            }
            return zip(elements, actual).enumerated().flatMap { index, pair in
                pair.0.match(pair.1, at: path.appending(index: index), in: environment)
            }
        case .type(let type):
            return type.admits(value) ? [] : miss(type.rawValue == "integer" || type.rawValue == "array" ? "an \(type.rawValue)" : "a \(type.rawValue)")
        case .compare(let comparison, let template):
            switch evaluate(template, in: environment, at: path) {
            case .failed(let mismatch): return [mismatch]
            case .value(let bound):
                let holds: Bool
                switch comparison {
                case .eq: holds = value.isEquivalent(to: bound)
                case .ne: holds = !value.isEquivalent(to: bound)
                default:
                    guard let order: JSONValue.ComparisonResult = value.compare(to: bound) else { return miss("\(comparison.symbol) \(Self.show(bound))") }
                    switch comparison {
                    case .gt: holds = order == .greater
                    case .gte: holds = order != .less
                    case .lt: holds = order == .less
                    default: holds = order != .greater
                    }
                }
                return holds ? [] : miss("\(comparison.symbol) \(Self.show(bound))")
            }
        case .regex(let pattern):
            guard case .string(let text) = value, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: text)) != nil else {
                return miss("a string matching /\(pattern)/")
            }
            return []
        case .oneOf(let templates):
            var options: [JSONValue] = []
            for template in templates {
                switch evaluate(template, in: environment, at: path) {
                case .failed(let mismatch): return [mismatch]
                case .value(let option): options.append(option)
                }
            }
            return options.contains { $0.isEquivalent(to: value) } ? [] : miss("one of \(options.map(Self.show).joined(separator: ", "))")
        case .length(let inner):
            let count: Int
            switch value {
            case .string(let text): count = text.count
            case .array(let elements): count = elements.count
            case .object(let object): count = object.count
            default: return miss("a string, array or object with length \(inner.summary(in: environment))")
            }
            return inner.match(.integer(count), at: path, in: environment).map {
                Mismatch(path: $0.path, wanted: "length \($0.wanted)", got: "length \($0.got)")
            }
        case .containsText(let template):
            switch evaluate(template, in: environment, at: path) {
            case .failed(let mismatch): return [mismatch]
            case .value(let needle):
                let text = needle.interpolationText
                guard case .string(let haystack) = value, haystack.contains(text) else { return miss("a string containing \(Self.show(needle))") }
                return []
            }
        case .contains(let wanted):
            guard case .array(let actual) = value else { return miss("an array containing \(wanted.count) matching element\(wanted.count == 1 ? "" : "s")") }
            let assignment = Self.assign(wanted, to: actual, in: environment)
            return assignment.unmatched.map { index in
                Mismatch(path: path, wanted: "an element matching \(wanted[index].summary(in: environment))", got: "none among \(Self.show(value))")
            }
        case .unordered(let wanted):
            guard case .array(let actual) = value, actual.count == wanted.count else {
                return miss("an array of \(wanted.count) in any order")
            }
            let assignment = Self.assign(wanted, to: actual, in: environment)
            return assignment.unmatched.map { index in
                Mismatch(path: path, wanted: "an element matching \(wanted[index].summary(in: environment))", got: "none left among \(Self.show(value))")
            }
        case .each(let inner):
            guard case .array(let actual) = value else { return miss("an array") }
            return actual.enumerated().flatMap { inner.match($1, at: path.appending(index: $0), in: environment) }
        case .not(let inner):
            return inner.match(value, at: path, in: environment).isEmpty ? miss("not \(inner.summary(in: environment))") : []
        case .all(let matchers):
            return matchers.flatMap { $0.match(value, at: path, in: environment) }
        }
    }

    private func evaluate(_ template: Template, in environment: Environment, at path: JSONPath) -> Computed {
        do throws(EvaluationError) {
            return .value(try template.evaluate(in: environment))
        } catch {
            return .failed(Mismatch(path: path, wanted: "a value the scenario could compute (\(error.message) in '${\(error.expression)}')", got: "no comparison made"))
        }
    }

    /// A template's value, or the mismatch that reports why it could not be computed.
    private enum Computed {
        case value(JSONValue)
        case failed(Mismatch)
    }

    /// Gives each wanted matcher its own element (bipartite matching, so one element never satisfies two matchers).
    private static func assign(_ wanted: [Matcher], to actual: [JSONValue], in environment: Environment) -> (owner: [Int?], unmatched: [Int]) {
        let fits = wanted.map { matcher in actual.map { matcher.matches($0, in: environment) } }
        var owner = [Int?](repeating: nil, count: actual.count)
        var unmatched: [Int] = []
        for index in wanted.indices {
            var visited = [Bool](repeating: false, count: actual.count)
            if !augment(index, fits: fits, owner: &owner, visited: &visited) { unmatched.append(index) }
        }
        return (owner, unmatched)
    }

    private static func augment(_ index: Int, fits: [[Bool]], owner: inout [Int?], visited: inout [Bool]) -> Bool {
        for element in fits[index].indices where fits[index][element] && !visited[element] {
            visited[element] = true
            if let current = owner[element] {
                if augment(current, fits: fits, owner: &owner, visited: &visited) {
                    owner[element] = index
                    return true
                }
            } else {
                owner[element] = index
                return true
            }
        }
        return false
    }

    /// The matcher in words, for the "wanted" side of a mismatch.
    public func summary(in environment: Environment) -> String {
        func value(_ template: Template) -> String {
            (try? template.evaluate(in: environment)).map(Self.show) ?? "(not computable)"
        }
        switch self {
        case .equals(let template), .exact(let template): return value(template)
        case .object(let fields): return "an object with " + fields.map { "\($0.key): \($0.matcher.summary(in: environment))" }.joined(separator: ", ")
        case .array(let elements): return "[" + elements.map { $0.summary(in: environment) }.joined(separator: ", ") + "]"
        case .type(let type): return "a \(type.rawValue)"
        case .compare(let comparison, let template): return "\(comparison.symbol) \(value(template))"
        case .regex(let pattern): return "a string matching /\(pattern)/"
        case .oneOf(let templates): return "one of " + templates.map(value).joined(separator: ", ")
        case .absent: return "absent"
        case .exists: return "present"
        case .any: return "anything"
        case .length(let inner): return "length \(inner.summary(in: environment))"
        case .contains(let wanted): return "an array containing " + wanted.map { $0.summary(in: environment) }.joined(separator: ", ")
        case .containsText(let template): return "a string containing \(value(template))"
        case .unordered(let wanted): return "in any order [" + wanted.map { $0.summary(in: environment) }.joined(separator: ", ") + "]"
        case .each(let inner): return "each element \(inner.summary(in: environment))"
        case .not(let inner): return "not \(inner.summary(in: environment))"
        case .all(let matchers): return matchers.map { $0.summary(in: environment) }.joined(separator: " and ")
        }
    }

    /// A value for messages: JSON text, shortened; `absent` for a missing member.
    static func show(_ value: JSONValue?) -> String {
        guard let value else { return "absent" }
        let text = value.jsonText
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}
