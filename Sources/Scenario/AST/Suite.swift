public import YAML

/// A suite: scenarios run together, and the rules of its verdict.
public struct Suite: Sendable, Hashable {
    /// `suite:` display name.
    public var name: String
    /// `id:` stable identifier.
    public var id: String
    public var description: String?
    /// `given:` values that override the scenarios' own `given` defaults.
    public var given: [Variable]
    /// The scenarios in run order (from `scenarios:`, or every scenario of a folder).
    public var scenarios: [Scenario]
    /// `verdict:` rules; empty means "every scenario passes".
    public var rules: [VerdictRule]
    /// `optional-messages:` messages exercised where the station supports them; reported, never failing the verdict.
    public var optionalMessages: [String]
    /// The suite file, or the folder for an implicit suite.
    public var file: String
    public var location: Location

    public init(
        name: String, id: String, description: String? = nil, given: [Variable] = [], scenarios: [Scenario], rules: [VerdictRule] = [],
        optionalMessages: [String] = [], file: String, location: Location
    ) {
        self.name = name
        self.id = id
        self.description = description
        self.given = given
        self.scenarios = scenarios
        self.rules = rules
        self.optionalMessages = optionalMessages
        self.file = file
        self.location = location
    }
}

/// One rule of a suite's verdict.
public struct VerdictRule: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `all-pass:` every selected scenario passes (NOT_APPLICABLE ones excepted).
        case allPass([String])
        /// `any-pass:` at least one selected scenario passes (e.g. one connection mode).
        case anyPass([String])
        /// `messages:` each of these OCPP messages was exchanged in the suite, and every instance was valid.
        case messages([String])
    }

    /// `name:` the rule's label in the verdict.
    public var name: String
    public var kind: Kind
    public var location: Location

    public init(name: String, kind: Kind, location: Location) {
        self.name = name
        self.kind = kind
        self.location = location
    }

    /// Whether `pattern` (an id, or a prefix ending in `*`) selects the scenario id.
    public static func pattern(_ pattern: String, selects id: String) -> Bool {
        pattern.hasSuffix("*") ? id.hasPrefix(pattern.dropLast()) : pattern == id
    }
}
