import Runner

/// Small pieces several sections use: verdict and outcome badges.
enum HTMLFragments {
    static func verdictClass(_ verdict: Verdict) -> String {
        "v-\(verdict.rawValue.lowercased())"
    }

    /// The scenario's verdict; an expected failure or an unexpected pass says so.
    static func verdictBadge(_ scenario: ScenarioResult) -> Markup {
        var text = scenario.verdict.rawValue
        if scenario.expectedFailure != nil { text += scenario.verdict == .fail ? " (expected)" : " (unexpected)" }
        let failing = scenario.countsAsFailure ? " v-fail" : ""
        return "<span class=\"badge \(verdictClass(scenario.verdict))\(failing)\">\(text)</span>"
    }

    static func outcomeBadge(_ outcome: StepOutcome) -> Markup {
        "<span class=\"badge o-\(outcome.rawValue)\">\(StepText.symbol(outcome)) \(outcome.rawValue)</span>"
    }

    /// ✓ or ✗ as a coloured badge.
    static func yesNo(_ value: Bool, yes: String = "yes", no: String = "no") -> Markup {
        value ? "<span class=\"badge m-yes\">✓ \(yes)</span>" : "<span class=\"badge m-no\">✗ \(no)</span>"
    }
}
