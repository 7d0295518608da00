/// A subcommand of `chargecheck`. Adding one is a new file conforming to this protocol plus one line in
/// ``CommandRegistry``.
public protocol Command: Sendable {
    /// The word that selects it (`lint`).
    static var name: String { get }
    /// One line for the command list and the help's overview.
    static var abstract: String { get }
    /// Further paragraphs for `--help` (examples, exit codes); may be empty.
    static var discussion: String { get }
    /// Its options (`--help` is added by the framework).
    static var options: [OptionSpec] { get }
    /// Its positional arguments.
    static var arguments: [ArgumentSpec] { get }

    /// Runs with parsed arguments; returns the exit code.
    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode
}

extension Command {
    public static var discussion: String { "" }
    public static var arguments: [ArgumentSpec] { [] }
}

/// The process exit status.
public struct ExitCode: Sendable, Hashable, RawRepresentable {
    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// All is well.
    public static let success = ExitCode(rawValue: 0)
    /// The work found problems (lint errors, failed scenarios).
    public static let failure = ExitCode(rawValue: 1)
    /// The command line was wrong.
    public static let usage = ExitCode(rawValue: 2)
}
