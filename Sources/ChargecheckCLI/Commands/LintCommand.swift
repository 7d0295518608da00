import OCPP
import Scenario

/// `chargecheck lint PATH…`: load scenario, fixture and suite files and report every problem.
struct LintCommand: Command {
    static let name = "lint"
    static let abstract = "Check scenario, fixture and suite files and report every problem."
    static let discussion = """
        Folders are searched for .yaml and .yml files. Problems are printed as file:line:column: error: message,
        warnings likewise. Exit status: 0 when there is no error, 1 when there is one, 2 for a bad command line.
        """
    static let options: [OptionSpec] = [.format]
    static let arguments = [ArgumentSpec(name: "path", help: "A scenario, fixture or suite file, or a folder of them.", isRepeating: true)]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        let result = ScenarioLoader().load(paths: arguments.positionals)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if arguments.value(.format) == "json" {
            let report: JSONValue = [
                "files": .array(result.files.map { .string($0) }),
                "errors": .integer(errors),
                "warnings": .integer(warnings),
                "diagnostics": .array(result.diagnostics.map(\.json)),
            ]
            console.print(report.jsonText)
        } else {
            for diagnostic in result.diagnostics { console.print(diagnostic.description) }
            console.print("\(count(result.files.count, "file")) checked: \(count(errors, "error")), \(count(warnings, "warning"))")
        }
        return errors > 0 ? .failure : .success
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

extension Diagnostic {
    /// The diagnostic as a JSON object for `--format json`.
    var json: JSONValue {
        var object: JSONObject = [
            "file": .string(location.file), "line": .integer(location.line), "column": .integer(location.column),
            "severity": .string(severity.rawValue), "message": .string(message),
        ]
        if let hint { object["hint"] = .string(hint) }
        return .object(object)
    }
}
