import OCPP
import Scenario

/// An `expect` step with its own `reply` that may soon consume a station CALL: a CALL it matches is held unanswered
/// until the step takes it, so the station gets the step's reply and not a default one.
struct ReplyClaim: Sendable {
    let expect: Expect
    /// The step comes after an `expect-disconnect` or `expect-reconnect` still to run: it wants only CALLs of a
    /// connection newer than the one open when the claim was made (a CALL before the drop is answered at once, since
    /// the station may wait for that answer before it drops).
    var newConnectionOnly = false

    /// Whether the claim wants this CALL, which came on `connectionId`; `openConnection` was open when the claim was
    /// made.
    func wants(_ call: IncomingCall, on connectionId: String?, openConnection: String?, in environment: Environment) -> Bool {
        guard call.action == expect.action else { return false }
        if newConnectionOnly, openConnection != nil, connectionId == openConnection { return false }
        return expect.match?.matches(call.payload, in: environment) ?? true
    }

    /// The claims of the steps from the current one on, up to the first step that lets time pass on purpose
    /// (`wait`, `hold`, `expect-none`): those answer every CALL at once. The steps after an `expect-disconnect` or
    /// `expect-reconnect` claim the CALLs of the next connection only: a rebooting station's BootNotification may
    /// come before the scenario reaches the `expect` that answers it (even before the `expect-disconnect` begins,
    /// when the station drops and is back during the `action` that rebooted it). A current `expect-reconnect` leaves
    /// the claims after it unrestricted: the station may already be back on the connection now open.
    static func claims(upcoming steps: [Step]) -> [ReplyClaim] {
        var claims: [ReplyClaim] = []
        var budget = 64
        var reconnecting = false
        func visit(_ steps: [Step], current: Bool) -> Bool {
            for (position, step) in steps.enumerated() {
                budget -= 1
                if budget < 0 { return false }
                if current && position == 0, case .expectReconnect = step.kind { continue }
                switch step.kind {
                case .expect(let expect):
                    if expect.reply != nil { claims.append(ReplyClaim(expect: expect, newConnectionOnly: reconnecting)) }
                case .anyOrder, .repeating:
                    if !visit(step.children, current: false) { return false }
                case .expectDisconnect, .expectReconnect:
                    reconnecting = true
                case .wait, .hold, .expectNone:
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
    /// The connection open when the policy took effect (claims after a reconnect want a newer one's CALLs).
    var openConnection: String?

    /// Whether some claim wants the CALL, which came on `connectionId`, held.
    func holds(_ call: IncomingCall, on connectionId: String?) -> Bool {
        claims.contains { $0.wants(call, on: connectionId, openConnection: openConnection, in: environment) }
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
