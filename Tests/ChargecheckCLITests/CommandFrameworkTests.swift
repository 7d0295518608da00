@testable import ChargecheckCLI
import Testing

/// A command declared only for these tests: shows that a command is one type plus a registry entry.
private struct EchoCommand: Command {
    static let name = "echo"
    static let abstract = "Print the arguments."
    static let loud = OptionSpec.flag("--loud", short: "-l", help: "Shout.")
    static let tag = OptionSpec.repeated("--tag", valueName: "tag", help: "A tag.")
    static let options: [OptionSpec] = [loud, tag, .format]
    static let arguments = [ArgumentSpec(name: "word", help: "Words.", isRepeating: true, isRequired: false)]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        let text = arguments.positionals.joined(separator: " ")
        console.print((arguments.flag(loud) ? text.uppercased() : text) + " tags=\(arguments.values(tag)) format=\(arguments.value(.format) ?? "-")")
        return .success
    }
}

@Suite("Command framework")
struct CommandFrameworkTests {
    private func run(_ arguments: [String]) async -> (code: Int32, output: String, error: String) {
        let captured = CapturedConsole()
        let code = await Chargecheck.main(arguments, console: captured.console, commands: [EchoCommand.self])
        return (code, captured.output, captured.error)
    }

    @Test func parsesFlagsRepeatedOptionsAndInlineValues() async {
        let result = await run(["echo", "a", "-l", "--tag", "x", "--tag=y", "--format=json", "--", "--not-an-option"])
        #expect(result.code == 0)
        #expect(result.output == "A --NOT-AN-OPTION tags=[\"x\", \"y\"] format=json\n")
    }

    @Test func defaultsApplyWhenOptionsAreAbsent() async {
        let result = await run(["echo", "b"])
        #expect(result.output == "b tags=[] format=text\n")
    }

    @Test("usage errors exit 2 with a clear message", arguments: [
        (["echo", "--lod"], "error: unknown option '--lod' (did you mean '--loud'?)"),
        (["echo", "--format", "xml"], "error: invalid value 'xml' for --format (choose text or json)"),
        (["echo", "--tag"], "error: --tag needs a value <tag>"),
        (["echo", "--loud=yes"], "error: --loud takes no value"),
        (["ecko"], "error: unknown command 'ecko' (did you mean 'echo'?)"),
    ])
    func usageErrors(_ arguments: [String], message: String) async {
        let result = await run(arguments)
        #expect(result.code == 2)
        #expect(result.error.split(separator: "\n").first.map(String.init) == message)
        #expect(result.output == "")
    }

    @Test func helpIsGeneratedFromTheDeclarations() async {
        let result = await run(["echo", "--help"])
        #expect(result.code == 0)
        #expect(result.output.contains("USAGE: chargecheck echo [<word> ...] [--loud] [--tag <tag> ...] [--format <format>]"))
        #expect(result.output.contains("  -l, --loud         Shout."))
        #expect(result.output.contains("--format <format>  Output format. One of: text, json. (default: text)"))
        let viaHelp = await run(["help", "echo"])
        #expect(viaHelp.output == result.output)
    }

    @Test func versionAndOverview() async {
        #expect(await run(["--version"]).output == "chargecheck \(Chargecheck.version)\n")
        let overview = await run(["--help"])
        #expect(overview.output.contains("  echo  Print the arguments."))
        let bare = await run([])
        #expect(bare.code == 2)
        #expect(bare.error.contains("COMMANDS:"))
    }

    @Test func missingRequiredArgumentIsAUsageError() async {
        let captured = CapturedConsole()
        let code = await Chargecheck.main(["lint"], console: captured.console)
        #expect(code == 2)
        #expect(captured.error.hasPrefix("error: missing <path>\nusage: chargecheck lint <path> ... [--format <format>]"))
    }
}
