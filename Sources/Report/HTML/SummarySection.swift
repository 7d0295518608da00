import Foundation
import Runner

/// The top of the report: the run's verdict in one word, counts by verdict, the run's facts, its problems, and an
/// index of every scenario with its verdict.
struct SummarySection {
    let result: RunResult

    /// `PASSED`, `FAILED` or `INTERRUPTED`.
    var word: String {
        result.interrupted ? "INTERRUPTED" : result.passed ? "PASSED" : "FAILED"
    }

    var stationNames: String {
        result.stations.isEmpty ? "no station" : result.stations.map(\.identity).joined(separator: ", ")
    }

    func markup() -> Markup {
        let counts = result.verdictCounts
        let chips: [Markup] = Verdict.allCases.compactMap { verdict in
            guard let count = counts[verdict], count > 0 else { return nil }
            return "<span class=\"badge \(HTMLFragments.verdictClass(verdict))\">\(count) \(verdict.rawValue)</span>"
        }
        let source = switch result.options.stationSource {
        case .emulator: "built-in emulator"
        case .live(let listeners): "live, listening on " + listeners.joined(separator: ", ")
        }
        var facts: [(String, String)] = [
            ("Started", NumberText.timestamp(result.started)),
            ("Duration", NumberText.duration(result.ended.timeIntervalSince(result.started))),
            ("Scenarios", result.options.paths.joined(separator: " ")),
            ("Stations", source),
            ("Validation", result.options.validationMode.rawValue),
            ("Exit code", String(result.exitCode)),
        ]
        if let trace = result.options.tracePath { facts.append(("Trace file", trace)) }
        let problems: [Markup] = (result.errors + result.handshakeRejections.map { "handshake refused: \($0)" }).map {
            "<li class=\"finding error\">\($0)</li>"
        } + result.notes.map { "<li class=\"finding warning\">note: \($0)</li>" }
        return """
            <header>
            <div class="banner \(word.lowercased())"><div class="word">\(word)</div>\
            <div class="facts"><div><b>Chargecheck OCPP 1.6J report</b> · \(stationNames)</div>\
            <div>\(NumberText.timestamp(result.started)) · \(NumberText.duration(result.ended.timeIntervalSince(result.started)))\
            \(result.interrupted ? " · cut short by Ctrl-C or SIGTERM: what ran until then" as Markup : .empty)</div></div></div>
            <div class="chips">\(chips)</div>
            </header>
            \(problems.isEmpty ? Markup.empty : "<ul>\(problems)</ul>")
            <dl class="run-facts">\(facts.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" as Markup })</dl>
            """
    }

    /// Every scenario of every station with its verdict, linking to its section.
    func scenarioIndex() -> Markup {
        let rows: [Markup] = result.stations.enumerated().flatMap { stationIndex, station in
            station.scenarios.enumerated().map { index, scenario -> Markup in
                """
                <tr><td>\(HTMLFragments.verdictBadge(scenario))</td>\
                <td><a href="#\(HTMLAnchors.scenario(station: stationIndex, scenario: index))">\(scenario.id)</a></td>\
                <td>\(scenario.name)</td><td>\(station.identity)</td>\
                <td class="num">\(NumberText.duration(scenario.duration))</td><td class="long">\(scenario.reason)</td></tr>
                """
            }
        }
        guard !rows.isEmpty else { return .empty }
        return """
            <h2>Scenarios</h2>
            <table><tr><th>Verdict</th><th>Scenario</th><th>Name</th><th>Station</th><th class="num">Time</th><th>Reason</th></tr>\
            \(rows)</table>
            """
    }
}
