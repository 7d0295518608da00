import Foundation
import Runner
import Scenario
public import Testing
public import YAML

/// Something a test reports about a scenario, at the place in the YAML it concerns: a failed step (with what was
/// expected and what came), a load error, an unexpected pass.
public struct ScenarioProblem: Sendable, Hashable, CustomStringConvertible {
    /// The sentence(s) shown: the scenario, the step and its place, then the diff.
    public var message: String
    /// Where in the scenario files (the failing step, the broken line, the scenario's start).
    public var location: Location

    public init(message: String, location: Location) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(message)" }

    /// The Swift Testing source location of ``location``: the YAML file's path, line and column, so Xcode and the
    /// console point at the scenario line. A relative path is taken from the current directory.
    public var sourceLocation: SourceLocation {
        let path = location.file.hasPrefix("/")
            ? location.file
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(location.file).standardized.path
        let url = URL(fileURLWithPath: path)
        let fileID = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        return SourceLocation(fileID: fileID, filePath: path, line: max(location.line, 1), column: max(location.column, 1))
    }

    /// A load diagnostic (its hint after it).
    init(_ diagnostic: Diagnostic) {
        let hint = diagnostic.hint.map { "\n  hint: \($0)" } ?? ""
        self.init(message: "\(diagnostic.severity.rawValue): \(diagnostic.message)\(hint)", location: diagnostic.location)
    }

    /// A step that did not pass, with what it wanted and what came.
    init(step: StepResult, of result: ScenarioResult) {
        var lines = ["\(result.id) \(result.verdict.rawValue): \(step.phase == .precondition ? "precondition " : "")step \(step.verb)"
            + (step.name.map { " \"\($0)\"" } ?? "") + " at \(step.location) \(step.outcome.rawValue)"
            + (step.failure.map { ": \($0.message)" } ?? "")]
        if let failure = step.failure {
            if let expected = failure.expected { lines.append("  expected: \(expected)") }
            if let received = failure.received { lines.append("  got:      \(received)") }
            lines += failure.mismatches.map { "  \($0)" }
            lines += failure.violations.map { "  \($0)" }
        }
        self.init(message: lines.joined(separator: "\n"), location: step.location)
    }
}
