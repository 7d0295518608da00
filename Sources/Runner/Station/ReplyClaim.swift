import OCPP
import Scenario

/// An `expect` step with its own `reply` that may soon consume a station CALL: a CALL it matches is held unanswered
/// until the step takes it, so the station gets the step's reply and not a default one.
struct ReplyClaim: Sendable {
    let expect: Expect

    /// Whether the claim wants this CALL.
    func wants(_ call: IncomingCall, in environment: Environment) -> Bool {
        guard call.action == expect.action else { return false }
        return expect.match?.matches(call.payload, in: environment) ?? true
    }

    /// The claims of the steps from the current one on, up to the first step that lets time pass on purpose
    /// (`wait`, `hold`, `expect-none`, `expect-disconnect`, `expect-reconnect`): those answer every CALL at once.
    /// A current `expect-reconnect` does not cut: the first CALL on the new connection (a BootNotification) is what
    /// the steps after it expect, and it may come before they begin.
    static func claims(upcoming steps: [Step]) -> [ReplyClaim] {
        var claims: [ReplyClaim] = []
        var budget = 64
        func visit(_ steps: [Step], current: Bool) -> Bool {
            for (position, step) in steps.enumerated() {
                budget -= 1
                if budget < 0 { return false }
                if current && position == 0, case .expectReconnect = step.kind { continue }
                switch step.kind {
                case .expect(let expect):
                    if expect.reply != nil { claims.append(ReplyClaim(expect: expect)) }
                case .anyOrder, .repeating:
                    if !visit(step.children, current: false) { return false }
                case .wait, .hold, .expectNone, .expectDisconnect, .expectReconnect:
                    return false
                case .send, .action, .assert, .log:
                    continue
                }
            }
            return true
        }
        _ = visit(steps, current: true)
        return claims
    }
}

/// How the mailbox answers CALLs no step takes at once: the claims of the steps about to run, the scenario's `replies`,
/// then the default replies; with the variables those replies may use.
struct AnsweringPolicy: Sendable {
    var claims: [ReplyClaim] = []
    var replies: [String: Reply] = [:]
    var environment = Environment()

    /// Whether some claim wants the CALL held.
    func holds(_ call: IncomingCall) -> Bool {
        claims.contains { $0.wants(call, in: environment) }
    }
}

extension AnsweringPolicy {
    /// The policy in force before `scenario` starts: the claims of its first steps (its preconditions' first), its
    /// `replies:`, its `given` values. Set when a station connects and between scenarios, so that a station that
    /// speaks first (a BootNotification on connecting) gets the scenario's reply, not a default one.
    static func opening(_ scenario: Scenario, overrides: [String: JSONValue], base: Environment) -> AnsweringPolicy {
        var steps: [Step] = []
        var replies: [String: Reply] = [:]
        var environment = base
        func collect(_ scenario: Scenario, depth: Int) {
            guard depth < 16 else { return }
            for variable in scenario.given where environment[variable.name] == nil {
                environment[variable.name] = overrides[variable.name] ?? (try? variable.value.evaluate(in: environment))
            }
            for include in scenario.uses { collect(include.scenario, depth: depth + 1) }
            steps += scenario.steps
            replies.merge(scenario.replies) { existing, _ in existing }
        }
        collect(scenario, depth: 0)
        return AnsweringPolicy(claims: ReplyClaim.claims(upcoming: steps), replies: replies, environment: environment)
    }
}
