import Foundation

/// Which loaded scenarios become test cases. Swift Testing's `--filter` selects test functions, not the arguments of a
/// parameterized test, so a scenario is picked out by the environment variable ``variable`` (or in code):
/// `CHARGECHECK_SCENARIOS=ocpp16.cold-boot,core swift test --filter OCPP16`.
public struct ScenarioSelection: Sendable, Hashable {
    /// The environment variable read by ``fromEnvironment``: comma-separated terms.
    public static let variable = "CHARGECHECK_SCENARIOS"

    /// Terms; a scenario is selected when one term is its id, its name or one of its tags, or ends in `*` and
    /// starts its id. No terms select every scenario.
    public var terms: [String]

    public init(_ terms: [String]) {
        self.terms = terms
    }

    /// Every scenario.
    public static let all = ScenarioSelection([])

    /// The terms of ``variable`` (every scenario when it is unset or empty).
    public static var fromEnvironment: ScenarioSelection {
        let text = ProcessInfo.processInfo.environment[variable] ?? ""
        return ScenarioSelection(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// Whether a scenario with this id, name and tags is selected.
    public func selects(id: String, name: String, tags: [String]) -> Bool {
        guard !terms.isEmpty else { return true }
        return terms.contains { term in
            if term.hasSuffix("*") { return id.hasPrefix(term.dropLast()) }
            return term == id || term == name || tags.contains(term)
        }
    }
}
