public import Runner
public import Scenario
import Testing

/// One scenario of a loaded folder as a Swift Testing argument: `@Test(arguments: ScenarioFolder.load("Scenarios"))`.
/// Shown in the test output by its scenario name, id and tags. A file that could not be loaded is a case too, one that
/// fails with the file's diagnostics when it runs, so a broken folder fails the test instead of crashing it.
public struct ScenarioCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// What the case holds: a scenario ready to run, or the errors of a file (or path) that did not load.
    public enum Content: Sendable {
        /// A scenario with the suite that lists it (its `given:` applies), and the warnings of its file.
        case scenario(RunPlan.Entry, warnings: [Diagnostic])
        /// Errors that keep a file (or a path) from loading: the case fails with each at its place.
        case unloadable([Diagnostic])
    }

    public let content: Content

    public init(_ content: Content) {
        self.content = content
    }

    /// The scenario's `id:`, or the broken file's path.
    public var id: String {
        switch content {
        case .scenario(let entry, _): entry.scenario.metadata.id
        case .unloadable(let diagnostics): diagnostics.first?.location.file ?? "?"
        }
    }

    /// The scenario's `tags:` (none for a broken file).
    public var tags: [String] {
        switch content {
        case .scenario(let entry, _): entry.scenario.metadata.tags
        case .unloadable: []
        }
    }

    /// The scenario's name, id and tags (`Cold boot (ocpp16.cold-boot) [ocpp16, core]`), or `cannot load FILE` for a
    /// broken file.
    public var testDescription: String {
        switch content {
        case .scenario(let entry, _):
            let metadata = entry.scenario.metadata
            let tags = metadata.tags.isEmpty ? "" : " [\(metadata.tags.joined(separator: ", "))]"
            return "\(metadata.name) (\(metadata.id))\(tags)"
        case .unloadable:
            return "cannot load \(id)"
        }
    }

    public var description: String { testDescription }
}
