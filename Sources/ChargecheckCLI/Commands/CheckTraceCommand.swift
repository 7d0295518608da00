import OCPP

/// `chargecheck check-trace FILE`: re-validate a recorded message trace offline.
struct CheckTraceCommand: Command {
    static let name = "check-trace"
    static let abstract = "Re-validate a recorded message trace (JSON lines) offline."
    static let discussion = """
        Checks every frame of a trace written by `chargecheck run --trace FILE` (or any tool writing the same fields,
        see docs/trace-format.md): payloads against the OCPP 1.6 catalog, responses correlated to their calls, every
        request answered, one outstanding call per direction. Exit status: 0 clean, 1 errors found, 2 bad usage.
        """
    static let lenient = OptionSpec.flag("--lenient", help: "Accept the deviations real stations commonly show, as warnings.")
    static let options: [OptionSpec] = [lenient]
    static let arguments = [ArgumentSpec(name: "file", help: "The trace file (JSON lines).")]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            console.printError("error: check-trace takes exactly one trace file")
            return .usage
        }
        do {
            let result = try CheckTrace.check(fileAt: path, mode: arguments.flag(lenient) ? .lenient : .strict)
            console.print(result.text)
            return result.passed ? .success : .failure
        } catch {
            console.printError("error: \(error)")
            return .usage
        }
    }
}
