import Foundation
import Scenario

/// `chargecheck coverage PATH… [--output FILE] [--check]`: the OCPP 1.6 compliance coverage of scenario files, as the
/// Markdown of docs/coverage.md, generated from the case ids the scenarios carry as tags.
struct CoverageCommand: Command {
    static let name = "coverage"
    static let abstract = "Show which OCPP 1.6 compliance test cases the scenarios cover (Markdown)."
    static let discussion = """
        Loads the scenarios, matches their TC_…_CS tags against the 107 cases of the OCPP 1.6 compliance catalog for
        charge points, and prints a Markdown document: the figure, one table per catalog module, the scenarios that
        only run against live stations, and any tag that names no case. With --output the document is written to a
        file; with --check as well, nothing is written and the exit status says whether the file is up to date.
        Exit status: 0 on success, 1 when the files have errors, a tag names no case, or --check finds the file stale.

        Example: chargecheck coverage scenarios/ev24 scenarios/ocpp16 --output docs/coverage.md
        """
    static let output = OptionSpec.value("--output", short: "-o", valueName: "file", help: "Write the document to this file instead of printing it.")
    static let check = OptionSpec.flag("--check", help: "With --output: compare instead of writing; exit 1 if the file is stale.")
    static let options: [OptionSpec] = [output, check]
    static let arguments = [ArgumentSpec(name: "path", help: "A scenario file or a folder of them.", isRepeating: true)]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        let result = ScenarioLoader().load(paths: arguments.positionals)
        if result.hasErrors {
            for diagnostic in result.errors { console.printError(diagnostic.description) }
            console.printError("coverage: the scenario files have errors; fix them first (chargecheck lint)")
            return .failure
        }
        let matrix = CoverageMatrix(scenarios: result.scenarios, relativeTo: FileManager.default.currentDirectoryPath)
        let outputFile = arguments.value(output)
        var invocation = (["chargecheck", name] + arguments.positionals).joined(separator: " ")
        if let outputFile { invocation += " --output \(outputFile)" }
        let markdown = CoverageDocument(matrix: matrix, command: invocation).markdown
        for unknown in matrix.unknownTags {
            console.printError("\(unknown.scenario.file): error: tag '\(unknown.tag)' of scenario '\(unknown.scenario.id)' is not a case of the OCPP 1.6 compliance catalog")
        }
        guard let outputFile else {
            console.writeOutput(markdown)
            return matrix.unknownTags.isEmpty ? .success : .failure
        }
        if arguments.flag(check) {
            let current = try? String(contentsOfFile: outputFile, encoding: .utf8)
            guard current == markdown else {
                console.printError("\(outputFile) is out of date; run: \(invocation)")
                return .failure
            }
            console.print("\(outputFile) is up to date: \(matrix.coveredCount) of \(matrix.totalCount) cases covered")
            return matrix.unknownTags.isEmpty ? .success : .failure
        }
        do {
            try markdown.write(toFile: outputFile, atomically: true, encoding: .utf8)
        } catch {
            console.printError("coverage: cannot write \(outputFile): \(error.localizedDescription); check that its folder exists and is writable")
            return .failure
        }
        console.print("\(outputFile): \(matrix.coveredCount) of \(matrix.totalCount) cases covered")
        return matrix.unknownTags.isEmpty ? .success : .failure
    }
}
