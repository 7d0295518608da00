import Foundation
import OCPP
import Runner

/// One scenario: its verdict and facts, its steps, the sequence diagram of its frames and the raw frames.
struct ScenarioSection {
    let scenario: ScenarioResult
    let station: StationResult
    let stationIndex: Int
    let index: Int
    /// Sequence numbers of CALLs never answered in the station's trace.
    let unansweredCalls: Set<Int>

    func markup() -> Markup {
        let records = scenario.traceRange.map { station.trace(in: $0) } ?? []
        let steps = StepsTable(steps: scenario.steps,
                               anchor: { HTMLAnchors.step(station: stationIndex, scenario: index, path: $0) },
                               frameLink: frameLink)
        let failed = scenario.countsAsFailure || scenario.verdict == .fail || scenario.verdict == .error
        return """
            <section class="scenario\(failed ? " failed" : "")" id="\(HTMLAnchors.scenario(station: stationIndex, scenario: index))">
            <header><h3>\(HTMLFragments.verdictBadge(scenario)) \(scenario.name) <code class="muted">\(scenario.id)</code></h3></header>
            \(facts())
            \(steps.markup())
            \(unconsumed())\(findings())\(diagram(records))\(frameList(records, failed: failed))
            </section>
            """
    }

    private func frameLink(_ sequence: Int) -> String {
        HTMLAnchors.frame(station: stationIndex, sequence: sequence)
    }

    private func facts() -> Markup {
        var facts: [(String, Markup)] = [("File", "<code>\(scenario.location.description)</code>")]
        if let reason = scenario.reason { facts.append(("Why", "<b>\(reason)</b>")) }
        if let expected = scenario.expectedFailure { facts.append(("Expected to fail", "\(expected)")) }
        if scenario.judgedBySuiteVerdict { facts.append(("Judged by", "the verdict rules of suite \(scenario.suiteId ?? "")")) }
        if let description = scenario.description { facts.append(("Description", "\(description)")) }
        if !scenario.tags.isEmpty { facts.append(("Tags", "\(scenario.tags.joined(separator: ", "))")) }
        let mode = scenario.connectionMode?.rawValue ?? "never connected"
        facts.append(("Connection", "\(mode)\(scenario.requiredMode.map { " (requires \($0.rawValue))" })"))
        facts.append(("Time", "\(NumberText.clockTime(scenario.started)) UTC, \(NumberText.duration(scenario.duration))"))
        return "<table class=\"facts-table\">\(facts.map { "<tr><td>\($0.0)</td><td>\($0.1)</td></tr>" as Markup })</table>"
    }

    private func unconsumed() -> Markup {
        guard !scenario.unconsumedCalls.isEmpty else { return .empty }
        let rows: [Markup] = scenario.unconsumedCalls.map { call in
            let link: Markup = call.traceSequence.map { "<a href=\"#\(frameLink($0))\">#\($0)</a>" } ?? "—"
            return "<tr><td class=\"where\">\(link)</td><td class=\"where\">\(call.action)</td><td>\(call.answeredBy)</td><td class=\"long mono\">\(call.payload.jsonText)</td></tr>"
        }
        let unlisted: Markup = scenario.unlistedUnconsumedCalls == 0 ? .empty
            : "<p class=\"muted\">\(scenario.unlistedUnconsumedCalls) more, not listed (the first \(scenario.unconsumedCalls.count) are).</p>"
        return """
            <h4>Station calls no step consumed</h4>
            <table><tr><th>Frame</th><th>Action</th><th>Answered by</th><th>Payload</th></tr>\(rows)</table>\(unlisted)
            """
    }

    private func findings() -> Markup {
        guard !scenario.findings.isEmpty else { return .empty }
        let items: [Markup] = scenario.findings.map {
            "<li class=\"finding \($0.severity.rawValue)\"><code>[\($0.kind.rawValue)]</code> \($0.message)</li>"
        }
        return "<h4>Protocol findings</h4><ul>\(items)</ul>"
    }

    private func diagram(_ records: [TraceRecord]) -> Markup {
        guard !records.isEmpty else { return "<p class=\"muted\">No frame was exchanged during this scenario.</p>" }
        let problems = StepsTable.problems(in: scenario.steps).map { problem in
            (time: problem.step.ended, title: "step \(problem.number) (\(StepText.title(problem.step)))",
             message: problem.step.failure?.message ?? problem.step.outcome.rawValue,
             anchor: HTMLAnchors.step(station: stationIndex, scenario: index, path: problem.path))
        }
        let diagram = SequenceDiagram(records: records, start: scenario.started, stationName: station.identity,
                                      unansweredCalls: unansweredCalls, problems: problems)
        return """
            <h4>Sequence diagram</h4>
            <figure><figcaption>\(records.count) frames and connection events, in trace order (#\(records.first?.sequence ?? 0)…\
            #\(records.last?.sequence ?? 0)); click an arrow for the raw frame.</figcaption>\
            \(diagram.svg(frameLink: frameLink))</figure>
            """
    }

    /// The raw frames, open when the scenario failed (a reader wants the evidence), closed otherwise (an arrow's link
    /// still opens its frame).
    private func frameList(_ records: [TraceRecord], failed: Bool) -> Markup {
        guard !records.isEmpty else { return .empty }
        return """
            <details class="frames"\(failed ? " open" : "")><summary>Raw frames (\(records.count))</summary>\
            \(records.map { FrameList.entry($0, since: scenario.started, id: frameLink($0.sequence)) })</details>
            """
    }
}
