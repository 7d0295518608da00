/// The arguments of one invocation, parsed against a command's ``OptionSpec``s and ``ArgumentSpec``s.
public struct ParsedArguments: Sendable {
    private var values: [String: [String]]
    /// The positional arguments in order.
    public var positionals: [String]

    init(values: [String: [String]], positionals: [String]) {
        self.values = values
        self.positionals = positionals
    }

    /// Whether the flag was given.
    public func flag(_ option: OptionSpec) -> Bool {
        values[option.name] != nil
    }

    /// The option's value (the last given), else its default.
    public func value(_ option: OptionSpec) -> String? {
        values[option.name]?.last ?? option.defaultValue
    }

    /// Every value of a repeated option, in order.
    public func values(_ option: OptionSpec) -> [String] {
        values[option.name] ?? []
    }
}
