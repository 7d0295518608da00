import Runner

/// Each suite's verdict against each station: its rules, the message coverage matrix and the connection modes.
struct CoverageSection {
    let stations: [StationResult]

    func markup() -> Markup {
        let suites: [Markup] = stations.flatMap { station in
            station.suites.map { suite in verdict(suite, station: station.identity) }
        }
        guard !suites.isEmpty else { return .empty }
        return "<h2 class=\"first\">Suite verdict and coverage</h2>\(suites)"
    }

    private func verdict(_ suite: SuiteVerdict, station: String) -> Markup {
        let rules: [Markup] = suite.rules.map { rule in
            """
            <tr><td>\(HTMLFragments.yesNo(rule.passed, yes: "holds", no: "broken"))</td><td>\(rule.name)</td>\
            <td><code>\(rule.kind)</code></td><td class="long">\(rule.detail)</td><td class="mono muted long">\(rule.location.description)</td></tr>
            """
        }
        let messages: [Markup] = suite.messages.map { message in
            let required: Markup = message.required
                ? "<span class=\"badge m-yes\">required</span>" : "<span class=\"badge m-optional\">optional</span>"
            let valid: Markup = message.seen ? HTMLFragments.yesNo(message.valid, yes: "valid", no: "invalid") : "<span class=\"muted\">—</span>"
            return """
                <tr><td><b>\(message.action)</b></td><td>\(required)</td>\
                <td>\(message.seen ? HTMLFragments.yesNo(true, yes: "seen") : message.required ? HTMLFragments.yesNo(false, no: "missing") : "<span class=\"muted\">not seen</span>")</td>\
                <td>\(valid)</td><td class="num">\(message.count)</td>\
                <td class="muted long">\(message.scenarios.joined(separator: ", "))</td><td class="long">\(message.problem)</td></tr>
                """
        }
        let modes: [Markup] = suite.connectionModes.map { mode in
            let status: Markup = switch mode.status {
            case .passed: HTMLFragments.yesNo(true, yes: "passed")
            case .failed: HTMLFragments.yesNo(false, no: "failed")
            case .notOffered: "<span class=\"badge m-optional\">not offered</span>"
            }
            return "<tr><td><code>\(mode.mode.rawValue)</code></td><td>\(status)</td><td class=\"muted long\">\(mode.scenarios.joined(separator: ", "))</td></tr>"
        }
        return """
            <h3>\(HTMLFragments.yesNo(suite.passed, yes: "PASS", no: "FAIL")) \(suite.name) <span class="muted">(\(suite.suiteId)) \
            on \(station)</span></h3>
            <table><tr><th>Rule</th><th>Name</th><th>Kind</th><th>Detail</th><th>Where</th></tr>\(rules)</table>
            <h4>Messages</h4>
            <table><tr><th>Message</th><th>Status</th><th>Seen</th><th>Valid</th><th class="num">Count</th><th>Scenarios</th>\
            <th>Problem</th></tr>\(messages)</table>
            <h4>Connection modes</h4>
            <table><tr><th>Mode</th><th>Result</th><th>Scenarios</th></tr>\(modes)</table>
            """
    }
}
