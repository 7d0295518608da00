import Foundation
import OCPP
import Scenario

extension ScenarioRun {
    /// Runs `uses:` preconditions in order, each with its own `given` (bound by `with:` and `--set`), its own
    /// preconditions first; their captures flow into the scenario. Returns the step results and whether all passed.
    func runPreconditions(_ includes: [Include], depth: Int) async -> ([StepResult], Bool) {
        var results: [StepResult] = []
        for include in includes {
            guard depth < Self.maximumIncludeDepth else {
                let now = Date()
                results.append(StepResult(verb: "uses", name: include.path, location: include.location, phase: .precondition,
                                          started: now, ended: now, outcome: .error,
                                          failure: StepFailure(message: "preconditions nest deeper than \(Self.maximumIncludeDepth) levels")))
                return (results, false)
            }
            let outer = environment
            let outerReplies = replies
            var bindings = overrides
            do {
                for binding in include.bindings { bindings[binding.name] = try binding.value.evaluate(in: outer) }
                environment = try Self.bind(include.scenario.given, overrides: bindings, into: outer)
            } catch {
                let now = Date()
                results.append(StepResult(verb: "uses", name: include.path, location: include.location, phase: .precondition,
                                          started: now, ended: now, outcome: .error,
                                          failure: StepFailure(message: "the precondition's values could not be computed: \(error)")))
                return (results, false)
            }
            replies = outerReplies.merging(include.scenario.replies) { _, own in own }
            let (nested, nestedOK) = await runPreconditions(include.scenario.uses, depth: depth + 1)
            results += nested
            var ok = nestedOK
            if ok {
                if let replayed = await replayFromHistory(include.scenario.steps) {
                    results += replayed
                } else {
                    let (own, ownOK) = await runList(include.scenario.steps, phase: .precondition, continuation: scenario.steps,
                                                     skip: false)
                    results += own
                    ok = ownOK
                }
            }
            // Captures and the precondition's own given values flow out; the outer scope's values win for names it had.
            let inner = environment
            environment = outer
            for (name, value) in inner.variables where outer[name] == nil { environment[name] = value }
            // The precondition's `replies:` stay in force for the rest of the scenario, under the scenario's own: a
            // station's late BootNotification still gets the fixture's answer (as the opening policy gave it).
            replies = outerReplies.merging(include.scenario.replies) { outer, _ in outer }
            if !ok { return (results, false) }
        }
        return (results, true)
    }

    /// A precondition made only of `expect` steps observes the station without acting on it; when its messages were
    /// already exchanged on the open connection (e.g. the BootNotification an earlier scenario took), it holds without
    /// waiting for them again: each step is matched, in order, against the connection's CALLs so far. Returns `nil`
    /// when the precondition has another kind of step or the history does not satisfy it (it then runs normally).
    func replayFromHistory(_ steps: [Step]) async -> [StepResult]? {
        let expects = steps.compactMap { step -> Expect? in
            if case .expect(let expect) = step.kind { expect } else { nil }
        }
        guard !steps.isEmpty, expects.count == steps.count else { return nil }
        let channel = context.channel
        guard let connectionStart = await channel.currentConnectionStart else { return nil }
        let history = await channel.events(from: connectionStart)
        var position = 0
        var matches: [(Int, CallEntry)?] = []
        for expect in expects {
            let environment = self.environment
            let found = history.dropFirst(position).first { _, event in
                guard let entry = event.call else { return false }
                return entry.action == expect.action && (expect.match?.matches(entry.payload, in: environment) ?? true)
            }
            if let (index, event) = found, let entry = event.call {
                matches.append((index, entry))
                position = history.firstIndex { $0.0 == index }.map { $0 + 1 } ?? position
            } else if expect.optional {
                matches.append(nil)
            } else {
                return nil
            }
        }
        var results: [StepResult] = []
        for (step, match) in zip(steps, matches) {
            guard case .expect(let expect) = step.kind else { continue }
            let now = Date()
            var report = StepReport.passed("did not come on this connection (optional)")
            if let (index, entry) = match {
                _ = await channel.take(from: index, includingConsumed: true) { $0.call.id == entry.call.id }
                let (answer, _) = await channel.answer(index, reply: expect.reply, environment: environment)
                report = capture(expect.captures, with: ["payload": entry.payload, "reply": answer.replyPayload ?? .null])
                    ?? .passed("satisfied earlier on this connection: \(entry.action) received at \(Timestamp.format(entry.received))",
                               messageIds: [entry.call.id])
            }
            results.append(StepResult(verb: step.verb, name: step.name, action: step.action, location: step.location,
                                      phase: .precondition, summary: report.summary, started: now, ended: now,
                                      outcome: report.outcome, failure: report.failure,
                                      traceSequences: context.traceSequences(messageIds: report.messageIds)))
        }
        return results
    }
}
