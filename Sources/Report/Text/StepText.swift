import Foundation
import Runner

/// Steps and their failures as plain text, for JUnit (failure bodies, system-out).
enum StepText {
    /// One line per step, nested steps indented: `✗ 10.002 s  expect MeterValues  file:38:5  summary`.
    static func timings(_ steps: [StepResult], depth: Int = 0) -> [String] {
        steps.flatMap { step in
            let indent = String(repeating: "  ", count: depth + 1)
            var line = "\(indent)\(symbol(step.outcome)) \(NumberText.seconds(step.duration)) s  \(title(step))  \(step.location)"
            if step.phase != .main { line += "  [\(step.phase.rawValue)]" }
            if let summary = step.summary { line += "  \(summary)" }
            var children = timings(step.children, depth: depth + 1)
            if let unlisted = step.unlisted {
                children.insert("\(indent)  … \(unlisted.description)", at: step.children.prefix(unlisted.after).reduce(0) { $0 + lineCount($1) })
            }
            return [line] + children
        }
    }

    /// How many lines ``timings(_:depth:)`` gives for `step` and its nested steps.
    static func lineCount(_ step: StepResult) -> Int {
        1 + step.children.reduce(0) { $0 + lineCount($1) } + (step.unlisted == nil ? 0 : 1)
    }

    /// `expect MeterValues`, `send Reset "soft reset"`.
    static func title(_ step: StepResult) -> String {
        var title = step.verb
        if let action = step.action { title += " \(action)" }
        if let name = step.name { title += " \"\(name)\"" }
        return title
    }

    /// A mark for an outcome.
    static func symbol(_ outcome: StepOutcome) -> String {
        switch outcome {
        case .passed: "✓"
        case .failed: "✗"
        case .error: "!"
        case .inconclusive: "?"
        case .skipped: "-"
        case .notRun: "·"
        case .interrupted: "⌁"
        case .unsupported: "∅"
        }
    }

    /// The failure of `step`: where, what, the diff (`- wanted` / `+ got` per path), the schema violations, what was
    /// expected and received, and the station's last frames (at their UTC clock times: they may precede the scenario).
    static func failure(_ step: StepResult) -> String {
        var lines = ["\(step.location): \(title(step)) \(step.outcome.rawValue)"]
        guard let failure = step.failure else { return lines[0] }
        lines.append(failure.message)
        for mismatch in failure.mismatches {
            lines += ["  \(mismatch.path)", "  - wanted \(mismatch.wanted)", "  + got    \(mismatch.got)"]
        }
        lines += failure.violations.map { "  \($0)" }
        if let expected = failure.expected { lines.append("expected: \(expected)") }
        if let received = failure.received { lines.append("received: \(received)") }
        if !failure.lastFrames.isEmpty {
            lines.append("last frames:")
            lines += failure.lastFrames.map { "  " + TraceText.line($0, since: nil) }
        }
        return lines.joined(separator: "\n")
    }
}
