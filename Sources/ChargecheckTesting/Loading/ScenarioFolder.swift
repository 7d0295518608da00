import Foundation
import Runner
import Scenario
import YAML

/// Loads scenario files and folders as test cases, for `@Test(arguments:)`.
///
/// ```swift
/// @Test(arguments: ScenarioFolder.load("Scenarios"))
/// func scenario(_ scenario: ScenarioCase) async throws {
///     try await scenario.run(against: .emulator())
/// }
/// ```
///
/// Loading never throws nor crashes: each file that does not load becomes a case failing with its diagnostics
/// (file:line:column), and a path with no scenario at all becomes a failing case too. Scenarios the selection leaves
/// out give no case (a test with no case passes).
public enum ScenarioFolder {
    /// The cases of `paths` (files or folders, loaded recursively, suites with the scenarios they list): one per
    /// selected scenario in run order (unless it or a fixture it uses has errors), then one per file with errors.
    /// Relative paths start from the folder of `sourceFile` (the calling test file), so the test works whatever the
    /// current directory.
    public static func load(_ paths: String..., relativeTo sourceFile: String = #filePath,
                            selection: ScenarioSelection = .fromEnvironment) -> [ScenarioCase] {
        load(paths: paths, relativeTo: sourceFile, selection: selection)
    }

    /// ``load(_:relativeTo:selection:)`` with the paths as an array.
    public static func load(paths: [String], relativeTo sourceFile: String = #filePath,
                            selection: ScenarioSelection = .fromEnvironment) -> [ScenarioCase] {
        let base = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        let resolved = paths.map { $0.hasPrefix("/") ? $0 : base.appendingPathComponent($0).standardized.path }
        return cases(ScenarioLoader().load(paths: resolved), paths: resolved, selection: selection)
    }

    /// The cases of what the loader gave for `paths`.
    static func cases(_ loaded: LoadResult, paths: [String], selection: ScenarioSelection) -> [ScenarioCase] {
        var warnings: [String: [Diagnostic]] = [:]
        var errors: [String: [Diagnostic]] = [:]
        var brokenOrder: [String] = []
        for diagnostic in loaded.diagnostics {
            let file = diagnostic.location.file
            switch diagnostic.severity {
            case .warning: warnings[file, default: []].append(diagnostic)
            case .error:
                if errors[file] == nil { brokenOrder.append(file) }
                errors[file, default: []].append(diagnostic)
            }
        }
        let entries = RunPlan(loaded: loaded).entries.filter { entry in
            let metadata = entry.scenario.metadata
            return selection.selects(id: metadata.id, name: metadata.name, tags: metadata.tags)
                && files(of: entry.scenario).allSatisfy { errors[$0] == nil }
        }
        var cases = entries.map { ScenarioCase(.scenario($0, warnings: warnings[$0.scenario.file] ?? [])) }
        cases += brokenOrder.map { ScenarioCase(.unloadable(errors[$0] ?? [])) }
        if cases.isEmpty && loaded.scenarios.isEmpty {
            cases = paths.map { path in
                let found = warnings[path] ?? []
                return ScenarioCase(.unloadable(found.isEmpty
                    ? [.error("no scenario found", at: Location(file: path, line: 1, column: 1), hint: "check the path")]
                    : found.map { .error($0.message, at: $0.location, hint: $0.hint) }))
            }
        }
        return cases
    }

    /// The file of `scenario` and of every fixture it uses, however deep (a file with errors keeps it from running:
    /// the case of that file fails instead).
    static func files(of scenario: Scenario) -> Set<String> {
        var files: Set<String> = []
        var pending = [scenario]
        while let next = pending.popLast() {
            guard files.insert(next.file).inserted else { continue }
            pending += next.uses.map(\.scenario)
        }
        return files
    }
}
