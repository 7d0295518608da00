import Foundation
public import Runner
import Scenario

/// The end of a run on the console: per station, a table of scenario verdicts with the failure of each, each suite's
/// verdict with its coverage matrix, and one closing verdict line.
public enum RunSummary {
    /// The summary text (lines ending in newlines).
    public static func text(_ result: RunResult, style: ConsoleStyle) -> String {
        var lines: [String] = [""]
        for error in result.errors { lines.append(style.red("error: ") + error) }
        for rejection in result.handshakeRejections { lines.append(style.yellow("refused: ") + rejection) }
        for note in result.notes { lines.append(style.yellow("note: ") + note) }
        for station in result.stations { lines += stationLines(station, style: style) }
        lines.append(verdictLine(result, style: style))
        return lines.joined(separator: "\n") + "\n"
    }

    static func stationLines(_ station: StationResult, style: ConsoleStyle) -> [String] {
        var lines: [String] = []
        var title = "Station \(station.identity)"
        if let boot = station.bootNotification {
            let vendor = boot["chargePointVendor"].map { $0.interpolationText } ?? "?"
            let model = boot["chargePointModel"].map { $0.interpolationText } ?? "?"
            title += " (\(vendor) \(model)\(boot["firmwareVersion"].map { ", firmware \($0.interpolationText)" } ?? ""))"
        }
        lines.append(style.bold(title))
        let idWidth = min(max(station.scenarios.map(\.id.count).max() ?? 8, 8), 48)
        lines.append("  " + style.dim("VERDICT        " + "SCENARIO".padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  TIME"))
        for scenario in station.scenarios {
            var line = "  " + style.verdict(scenario.verdict)
                + scenario.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + DurationWords.seconds(scenario.duration)
            if scenario.judgedBySuiteVerdict && scenario.verdict != .pass && !scenario.countsAsFailure {
                line += style.dim("  (judged by the suite verdict)")
            }
            if scenario.expectedFailure != nil {
                line += style.dim(scenario.verdict == .pass ? "  (expected to fail, but passed)" : "  (expected failure)")
            }
            lines.append(line)
            if scenario.verdict != .pass, let reason = scenario.reason { lines.append("      " + reason) }
            if let failure = scenario.firstFailedStep?.failure {
                if let expected = failure.expected { lines.append("        expected: \(expected)") }
                if let received = failure.received { lines.append("        got:      \(received)") }
                for mismatch in failure.mismatches { lines.append("        \(mismatch)") }
                for violation in failure.violations { lines.append("        \(violation)") }
            }
        }
        for suite in station.suites { lines += suiteLines(suite, style: style) }
        return lines
    }

    static func suiteLines(_ suite: SuiteVerdict, style: ConsoleStyle) -> [String] {
        var lines = ["  Suite \(suite.name) (\(suite.suiteId)): " + (suite.passed ? style.green("PASSED") : style.red("FAILED"))]
        for rule in suite.rules {
            lines.append("    " + (rule.passed ? style.green("✔") : style.red("✘")) + " \(rule.name): \(rule.detail)")
        }
        if !suite.messages.isEmpty {
            let width = max(suite.messages.map(\.action.count).max() ?? 7, 7)
            lines.append("    " + style.dim("MESSAGE".padding(toLength: width, withPad: " ", startingAt: 0) + "  SEEN  VALID  SCENARIOS"))
            for row in suite.messages {
                let seen = row.seen ? style.green("yes ") : (row.required ? style.red("no  ") : style.dim("no  "))
                let valid = !row.seen ? style.dim("-    ") : row.valid ? style.green("yes  ") : style.red("no   ")
                var line = "    " + row.action.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + seen + "  " + valid
                    + "  " + row.scenarios.joined(separator: ", ")
                if !row.required { line += style.dim(" (optional)") }
                if let problem = row.problem { line += "  " + style.red(problem) }
                lines.append(line)
            }
        }
        let modes = suite.connectionModes.filter { !$0.scenarios.isEmpty }
        if !modes.isEmpty {
            lines.append("    " + style.dim("CONNECTION MODE  STATUS"))
            for mode in modes {
                let status: String
                switch mode.status {
                case .passed: status = style.green("passed")
                case .failed: status = style.red("failed")
                case .notOffered: status = style.dim("not offered")
                }
                lines.append("    " + mode.mode.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0) + "  " + status)
            }
        }
        return lines
    }

    /// The last line: PASSED / FAILED / INTERRUPTED with the counts.
    public static func verdictLine(_ result: RunResult, style: ConsoleStyle) -> String {
        let counts = result.verdictCounts
        let parts = Verdict.allCases.compactMap { verdict in counts[verdict].map { "\($0) \(verdict.rawValue)" } }
        let stations = result.stations.count == 1 ? "1 station" : "\(result.stations.count) stations"
        let summary = "\(stations), " + (parts.isEmpty ? "no scenario run" : parts.joined(separator: ", "))
        if result.interrupted { return style.yellow(style.bold("INTERRUPTED")) + " — " + summary }
        return (result.passed ? style.green(style.bold("PASSED")) : style.red(style.bold("FAILED"))) + " — " + summary
    }
}
