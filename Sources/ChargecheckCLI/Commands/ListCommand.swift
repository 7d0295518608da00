import OCPP
import Scenario

/// `chargecheck list PATH…`: what suites and scenarios hold.
struct ListCommand: Command {
    static let name = "list"
    static let abstract = "Show what suites and scenarios hold: ids, names, tags, required messages, prerequisites."
    static let discussion = "Exit status: 0 when everything loaded, 1 when a file has errors (they are printed to standard error)."
    static let options: [OptionSpec] = [.format]
    static let arguments = [ArgumentSpec(name: "path", help: "A scenario or suite file, or a folder of them.", isRepeating: true)]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        let result = ScenarioLoader().load(paths: arguments.positionals)
        for diagnostic in result.diagnostics where diagnostic.severity == .error { console.printError(diagnostic.description) }
        if arguments.value(.format) == "json" {
            let listing: JSONValue = [
                "suites": .array(result.suites.map(\.listingJSON)),
                "scenarios": .array(result.scenarios.map(\.listingJSON)),
            ]
            console.print(listing.jsonText)
        } else {
            for suite in result.suites { console.print(suite.listingText) }
            let inSuites = Set(result.suites.flatMap { $0.scenarios.map(\.file) })
            let loose = result.scenarios.filter { !inSuites.contains($0.file) }
            if !loose.isEmpty {
                if !result.suites.isEmpty { console.print("Other scenarios:") }
                for scenario in loose { console.print(scenario.listingText + "\n") }
            }
            console.print("\(result.scenarios.count) scenario\(result.scenarios.count == 1 ? "" : "s"), \(result.suites.count) suite\(result.suites.count == 1 ? "" : "s")")
        }
        return result.hasErrors ? .failure : .success
    }
}
