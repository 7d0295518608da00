import OCPP
import Scenario

/// The `chargecheck` command line: parses arguments, dispatches to a subcommand, returns the exit code.
public enum Chargecheck {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    /// Runs the command line with `arguments` (without the program name) and returns the process exit code.
    public static func main(_ arguments: [String], console: Console = .standard, commands: [any Command.Type] = CommandRegistry.commands) async -> Int32 {
        await run(arguments, console: console, commands: commands).rawValue
    }

    private static func run(_ arguments: [String], console: Console, commands: [any Command.Type]) async -> ExitCode {
        guard let first = arguments.first else {
            console.printError(HelpFormatter.overview(commands: commands, version: version))
            return .usage
        }
        switch first {
        case "--help", "-h":
            console.print(HelpFormatter.overview(commands: commands, version: version))
            return .success
        case "--version":
            console.print("chargecheck \(version)")
            return .success
        case "help":
            guard arguments.count > 1 else {
                console.print(HelpFormatter.overview(commands: commands, version: version))
                return .success
            }
            guard let command = commands.first(where: { $0.name == arguments[1] }) else {
                return unknownCommand(arguments[1], console: console, commands: commands)
            }
            console.print(HelpFormatter.help(of: command))
            return .success
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            return unknownCommand(first, console: console, commands: commands)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.print(HelpFormatter.help(of: command))
            return .success
        }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser(options: command.options, arguments: command.arguments).parse(rest)
        } catch {
            console.printError(error.description)
            console.printError(HelpFormatter.usage(of: command))
            console.printError("See 'chargecheck \(command.name) --help'.")
            return .usage
        }
        return await command.run(parsed, console: console)
    }

    private static func unknownCommand(_ name: String, console: Console, commands: [any Command.Type]) -> ExitCode {
        let hint = Suggestions.didYouMean(name, among: commands.map { $0.name })
        console.printError(UsageError("unknown command '\(name)'", hint: hint).description)
        console.printError("Commands: \(commands.map { $0.name }.joined(separator: ", ")). See 'chargecheck --help'.")
        return .usage
    }
}
