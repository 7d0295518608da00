/// One option of a command, declared once and used both to parse arguments and to write `--help`.
public struct OptionSpec: Sendable, Hashable {
    /// How the option takes values.
    public enum Kind: Sendable, Hashable {
        /// `--verbose`: present or not.
        case flag
        /// `--format json`: one value (the last one given wins).
        case value
        /// `--listen URL --listen URL`: any number of values, in order.
        case repeated
    }

    /// The long name with dashes (`--format`).
    public var name: String
    /// A one-letter alias with one dash (`-f`), if any.
    public var shortName: String?
    public var kind: Kind
    /// The value's placeholder in help (`format`, `url`).
    public var valueName: String
    /// One line of help.
    public var help: String
    /// The allowed values, checked while parsing; `nil` accepts any.
    public var choices: [String]?
    /// The value used when the option is absent (shown in help).
    public var defaultValue: String?

    /// A flag.
    public static func flag(_ name: String, short: String? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, shortName: short, kind: .flag, valueName: "", help: help)
    }

    /// An option with one value.
    public static func value(_ name: String, short: String? = nil, valueName: String, help: String, choices: [String]? = nil, default defaultValue: String? = nil) -> OptionSpec {
        OptionSpec(name: name, shortName: short, kind: .value, valueName: valueName, help: help, choices: choices, defaultValue: defaultValue)
    }

    /// An option that may be repeated.
    public static func repeated(_ name: String, short: String? = nil, valueName: String, help: String) -> OptionSpec {
        OptionSpec(name: name, shortName: short, kind: .repeated, valueName: valueName, help: help)
    }

    /// The `--format <format>` shared by commands that print text or JSON.
    public static let format = OptionSpec.value("--format", valueName: "format", help: "Output format.", choices: ["text", "json"], default: "text")

    /// `--help` on every command.
    static let help = OptionSpec.flag("--help", short: "-h", help: "Show help for this command.")
}

/// The positional arguments of a command.
public struct ArgumentSpec: Sendable, Hashable {
    /// Placeholder in usage (`path`).
    public var name: String
    public var help: String
    /// Whether several may be given.
    public var isRepeating: Bool
    /// Whether at least one must be given.
    public var isRequired: Bool

    public init(name: String, help: String, isRepeating: Bool = false, isRequired: Bool = true) {
        self.name = name
        self.help = help
        self.isRepeating = isRepeating
        self.isRequired = isRequired
    }
}
