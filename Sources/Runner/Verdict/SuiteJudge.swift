import OCPP
import Scenario

/// Judges a suite against one station: its `verdict:` rules, the message coverage matrix and the connection modes.
struct SuiteJudge {
    let suite: Suite
    /// The station's results of this suite's scenarios.
    let results: [ScenarioResult]
    /// The station's trace and findings.
    let trace: [TraceRecord]
    let findings: [OCPPFinding]

    func verdict() -> SuiteVerdict {
        let coverage = messageCoverage()
        let rules = suite.rules.isEmpty
            ? [judge(VerdictRule(name: "every scenario passes", kind: .allPass(["*"]), location: suite.location), coverage)]
            : suite.rules.map { judge($0, coverage) }
        return SuiteVerdict(suiteId: suite.id, name: suite.name, file: suite.file, passed: rules.allSatisfy(\.passed),
                            rules: rules, messages: coverage, connectionModes: connectionModes())
    }

    func selected(_ patterns: [String]) -> [ScenarioResult] {
        results.filter { result in patterns.contains { VerdictRule.pattern($0, selects: result.id) } }
    }

    func judge(_ rule: VerdictRule, _ coverage: [MessageCoverage]) -> RuleOutcome {
        switch rule.kind {
        case .allPass(let patterns):
            let chosen = selected(patterns)
            let failing = chosen.filter { $0.verdict != .pass && $0.verdict != .notApplicable }
            let detail = failing.isEmpty
                ? "\(chosen.filter { $0.verdict == .pass }.count) passed, \(chosen.filter { $0.verdict == .notApplicable }.count) not applicable"
                : failing.map { "\($0.id) \($0.verdict.rawValue)" }.joined(separator: ", ")
            return RuleOutcome(name: rule.name, kind: "all-pass", location: rule.location, passed: failing.isEmpty, detail: detail)
        case .anyPass(let patterns):
            let chosen = selected(patterns)
            let passing = chosen.filter { $0.verdict == .pass }
            let detail = passing.isEmpty
                ? "none passed: " + chosen.map { "\($0.id) \($0.verdict.rawValue)" }.joined(separator: ", ")
                : "passed: " + passing.map(\.id).joined(separator: ", ")
            return RuleOutcome(name: rule.name, kind: "any-pass", location: rule.location, passed: !passing.isEmpty, detail: detail)
        case .messages(let actions):
            let rows = coverage.filter { actions.contains($0.action) }
            let missing = rows.filter { !$0.seen }.map(\.action)
            let invalid = rows.filter { $0.seen && !$0.valid }.map(\.action)
            var parts: [String] = []
            if !missing.isEmpty { parts.append("not exchanged: \(missing.joined(separator: ", "))") }
            if !invalid.isEmpty { parts.append("invalid: \(invalid.joined(separator: ", "))") }
            let passed = parts.isEmpty
            return RuleOutcome(name: rule.name, kind: "messages", location: rule.location, passed: passed,
                               detail: passed ? "all \(actions.count) exchanged and valid" : parts.joined(separator: "; "))
        }
    }

    /// One row per required message (of every `messages:` rule), then per optional message.
    func messageCoverage() -> [MessageCoverage] {
        var required: [String] = []
        for rule in suite.rules {
            if case .messages(let actions) = rule.kind {
                for action in actions where !required.contains(action) { required.append(action) }
            }
        }
        let optional = suite.optionalMessages.filter { !required.contains($0) }
        return required.map { row($0, required: true) } + optional.map { row($0, required: false) }
    }

    func row(_ action: String, required: Bool) -> MessageCoverage {
        let calls = trace.filter { $0.kind == .call && $0.action == action }
        let answered = calls.filter { call in
            trace.contains { $0.kind == .callResult && $0.messageId == call.messageId && $0.connectionId == call.connectionId }
        }
        let violations = findings.filter { $0.kind == .schemaViolation && $0.action == action && $0.severity == .error }
        let scenarioIds = answered.compactMap { call in
            (results.first { $0.steps.contains { $0.allTraceSequences.contains(call.sequence) } }
                ?? results.first { $0.traceRange?.contains(call.sequence) == true })?.id
        }
        var unique: [String] = []
        for id in scenarioIds where !unique.contains(id) { unique.append(id) }
        let seen = !answered.isEmpty
        return MessageCoverage(action: action, required: required, seen: seen, valid: seen && violations.isEmpty,
                               count: answered.count, scenarios: unique,
                               problem: violations.first.map { $0.violations.first?.description ?? $0.message })
    }

    func connectionModes() -> [ConnectionModeCoverage] {
        SecurityMode.allCases.map { mode in
            let chosen = results.filter { $0.requiredMode == mode }
            let status: ConnectionModeCoverage.Status
            if chosen.contains(where: { $0.verdict == .pass }) {
                status = .passed
            } else if chosen.contains(where: { [.fail, .error, .inconclusive].contains($0.verdict) }) {
                status = .failed
            } else {
                status = .notOffered
            }
            return ConnectionModeCoverage(mode: mode, status: status, scenarios: chosen.map(\.id))
        }
    }
}
