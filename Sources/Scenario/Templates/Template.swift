public import OCPP

/// A JSON-like value with expressions inside: what `with:`, `reply:` and `given:` hold. Evaluated at run time.
public indirect enum Template: Sendable, Hashable {
    /// A constant value (a whole subtree with no expression in it).
    case constant(JSONValue)
    /// A string with `${…}`; typed when it is exactly one `${expr}`.
    case interpolation(Interpolation)
    /// An array of templates.
    case array([Template])
    /// An object of templates, members in order.
    case object([Member])

    /// One member of an object template.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: Template

        public init(key: String, value: Template) {
            self.key = key
            self.value = value
        }
    }

    /// An object template of constant members, or of templates; folds to `.constant` when nothing is dynamic.
    public static func makeObject(_ members: [Member]) -> Template {
        var constants: [JSONObject.Member] = []
        for member in members {
            guard case .constant(let value) = member.value else { return .object(members) }
            constants.append(JSONObject.Member(key: member.key, value: value))
        }
        return .constant(.object(JSONObject(constants)))
    }

    /// An array template; folds to `.constant` when nothing is dynamic.
    public static func makeArray(_ elements: [Template]) -> Template {
        var constants: [JSONValue] = []
        for element in elements {
            guard case .constant(let value) = element else { return .array(elements) }
            constants.append(value)
        }
        return .constant(.array(constants))
    }

    /// The value in `environment`. An error names the JSON path of the failing member.
    public func evaluate(in environment: Environment) throws(EvaluationError) -> JSONValue {
        try evaluate(in: environment, at: JSONPath.root)
    }

    private func evaluate(in environment: Environment, at path: JSONPath) throws(EvaluationError) -> JSONValue {
        switch self {
        case .constant(let value):
            return value
        case .interpolation(let interpolation):
            do {
                return try interpolation.evaluate(in: environment)
            } catch {
                var located = error
                if located.path == nil { located.path = path }
                throw located
            }
        case .array(let elements):
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                values.append(try element.evaluate(in: environment, at: path.appending(index: index)))
            }
            return .array(values)
        case .object(let members):
            var object: [JSONObject.Member] = []
            object.reserveCapacity(members.count)
            for member in members {
                object.append(JSONObject.Member(key: member.key, value: try member.value.evaluate(in: environment, at: path.appending(key: member.key))))
            }
            return .object(JSONObject(object))
        }
    }

    /// The constant value, `nil` when the template holds an expression somewhere.
    public var constantValue: JSONValue? {
        if case .constant(let value) = self { return value }
        return nil
    }
}
