import Foundation
import Scenario

/// The shipped suites, loaded once per use with the OCPP 1.6 catalog.
enum ShippedSuites {
    static let ev24Folder = RepositoryPaths.scenarios + "/ev24"
    static let ocpp16Folder = RepositoryPaths.scenarios + "/ocpp16"
    static let fixturesFolder = RepositoryPaths.scenarios + "/fixtures"
    static let coverageDocument = RepositoryPaths.root.appendingPathComponent("docs/coverage.md").path
    /// The command that regenerates docs/coverage.md, as the document's header names it.
    static let coverageCommand = "chargecheck coverage scenarios/ev24 scenarios/ocpp16 --output docs/coverage.md"

    /// Loads `paths` with the OCPP 1.6 catalog.
    static func load(_ paths: [String]) -> LoadResult {
        ScenarioLoader().load(paths: paths)
    }

    /// The EV24 and OCPP 1.6 scenarios (the EV24 suite pulls in the optional-message scenarios of ocpp16 too).
    static func all() -> LoadResult { load([ev24Folder, ocpp16Folder, fixturesFolder]) }

    /// The YAML files below `folder`, sorted.
    static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    }
}
