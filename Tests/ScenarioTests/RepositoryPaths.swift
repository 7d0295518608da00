import Foundation

/// Paths inside the checkout, found from this file's location (tests run from the source tree).
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("scenarios").path
    static let corpus = root.appendingPathComponent("Tests/ScenarioTests/Corpus").path
    static let schema = root.appendingPathComponent("grammar/scenario.schema.json").path

    /// Every YAML file under scenarios/, sorted.
    static func scenarioFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: scenarios) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted().map { scenarios + "/" + $0 }
    }
}
