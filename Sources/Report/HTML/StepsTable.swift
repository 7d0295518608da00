import Foundation
import Runner

/// A scenario's steps as a table: outcome, step, where it is written, how long it took, what it did and its
/// frames; a step that did not pass is highlighted and followed by its failure: the message, the diff (path, wanted,
/// got), the schema violations, what was expected and received, and the frames just before.
struct StepsTable {
    let steps: [StepResult]
    /// The anchor of the step at a path of indices (nested steps have longer paths).
    let anchor: ([Int]) -> String
    let frameLink: (Int) -> String

    /// A step that did not pass, with its number as shown (`4`, `4.2`) and its index path.
    struct Problem {
        var number: String
        var path: [Int]
        var step: StepResult
    }

    /// Every step (nested ones too) that failed, erred, was inconclusive or interrupted, in order.
    static func problems(in steps: [StepResult], path: [Int] = []) -> [Problem] {
        steps.enumerated().flatMap { index, step -> [Problem] in
            let stepPath = path + [index]
            var found = problems(in: step.children, path: stepPath)
            switch step.outcome {
            case .failed, .error, .inconclusive, .interrupted:
                found.insert(Problem(number: number(stepPath), path: stepPath, step: step), at: 0)
            case .passed, .skipped, .notRun, .unsupported:
                break
            }
            return found
        }
    }

    static func number(_ path: [Int]) -> String {
        path.map { String($0 + 1) }.joined(separator: ".")
    }

    func markup() -> Markup {
        guard !steps.isEmpty else { return .empty }
        return """
            <h4>Steps</h4>
            <table class="steps"><tr><th>#</th><th>Outcome</th><th>Step</th><th>Where</th><th class="num">Time</th>\
            <th>What happened</th><th>Frames</th></tr>\(rows(steps, path: []))</table>
            """
    }

    private func rows(_ steps: [StepResult], path: [Int]) -> [Markup] {
        steps.enumerated().flatMap { index, step -> [Markup] in
            let stepPath = path + [index]
            let indent = String(repeating: "  ", count: path.count)
            let frames: [Markup] = step.traceSequences.map { "<a href=\"#\(frameLink($0))\">#\($0)</a> " }
            let phase: Markup = step.phase == .main ? .empty : " <span class=\"muted\">[\(step.phase.rawValue)]</span>"
            let row: Markup = """
                <tr class="step \(step.outcome.rawValue)" id="\(anchor(stepPath))"><td class="mono where">\(indent)\(Self.number(stepPath))</td>\
                <td>\(HTMLFragments.outcomeBadge(step.outcome))</td><td><b>\(StepText.title(step))</b>\(phase)</td>\
                <td class="mono muted where">\(step.location.file.split(separator: "/").last.map(String.init) ?? ""):\(step.location.line):\(step.location.column)</td>\
                <td class="num">\(NumberText.duration(step.duration))</td><td class="long">\(step.summary)\(action(step))</td><td class="frames">\(frames)</td></tr>
                """
            var children = rows(step.children, path: stepPath)
            if let unlisted = step.unlisted {
                let row: Markup = "<tr class=\"step unlisted\"><td></td><td></td><td colspan=\"5\" class=\"muted\">\(indent)  … \(unlisted.description)</td></tr>"
                children.insert(row, at: step.children.prefix(unlisted.after).reduce(0) { $0 + rowCount($1) })
            }
            return [row] + failure(step) + children
        }
    }

    /// How many rows ``rows(_:path:)`` gives for `step`, its failure and its nested steps.
    private func rowCount(_ step: StepResult) -> Int {
        1 + (step.failure == nil ? 0 : 1) + step.children.reduce(0) { $0 + rowCount($1) } + (step.unlisted == nil ? 0 : 1)
    }

    private func action(_ step: StepResult) -> Markup {
        guard let action = step.physicalAction else { return .empty }
        var text = "\(action.act) by \(action.performer.rawValue): \(action.prompt)"
        if let command = action.command { text += " (\(command), exit \(action.exitStatus.map(String.init) ?? "?"))" }
        return "<br><span class=\"muted\">\(text)</span>\(action.output.map { "<pre>\($0)</pre>" as Markup } ?? .empty)"
    }

    private func failure(_ step: StepResult) -> [Markup] {
        guard let failure = step.failure else { return [] }
        let diff: Markup = failure.mismatches.isEmpty ? .empty : """
            <table class="diff"><tr><th>Path</th><th>Wanted</th><th>Got</th></tr>\
            \(failure.mismatches.map { "<tr><td><code>\($0.path.description)</code></td><td class=\"wanted mono\">\($0.wanted)</td><td class=\"got mono\">\($0.got)</td></tr>" as Markup })</table>
            """
        let violations: Markup = failure.violations.isEmpty ? .empty
            : "<ul>\(failure.violations.map { "<li><code>\($0.description)</code></li>" as Markup })</ul>"
        let expected: Markup = failure.expected.map { "<div><b>Expected</b><pre>\($0)</pre></div>" } ?? .empty
        let received: Markup = failure.received.map { "<div><b>Received</b><pre>\($0)</pre></div>" } ?? .empty
        let context: Markup = failure.lastFrames.isEmpty ? .empty : """
            <div><b>Frames before</b><pre>\(failure.lastFrames.map { TraceText.line($0, since: nil) }.joined(separator: "\n"))</pre></div>
            """
        return ["""
            <tr class="failure-detail"><td></td><td colspan="6"><div><b>\(step.location.description)</b>: \(failure.message)</div>\
            \(diff)\(violations)\(expected)\(received)\(context)</td></tr>
            """]
    }
}
