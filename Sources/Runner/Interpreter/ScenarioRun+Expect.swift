import Foundation
import OCPP
import Scenario

extension ScenarioRun {
    /// The filter an `expect` applies to mailbox entries.
    func acceptor(for expect: Expect) -> @Sendable (CallEntry) -> Bool {
        let environment = self.environment
        return { entry in
            entry.action == expect.action && (expect.match?.matches(entry.payload, in: environment) ?? true)
        }
    }

    /// `expect`: the first unconsumed matching CALL since the previous step began (even if it came before this step
    /// started waiting), else the next one to arrive within the bound.
    func runExpect(_ expect: Expect, window: Int, begin: Int, next: Step?) async -> StepReport {
        let channel = context.channel
        let deadline = expectationDeadline(expect.within)
        let connectedAtBegin = await channel.currentConnectionId
        let accepts = acceptor(for: expect)
        // What did not match stays unmatched (the acceptor is fixed), so each look starts where the last one ended:
        // a station flooding the mailbox while the step waits costs a scan of the new events only.
        var scanFrom = window
        while true {
            let seen = await channel.mark
            if let (index, entry) = await channel.take(from: scanFrom, where: accepts) {
                return await took(entry, at: index, for: expect)
            }
            scanFrom = max(scanFrom, seen)
            if expect.optional, let reason = await nextStepArrived(next, window: window) {
                return .passed("\(expect.action) did not come (optional); \(reason)")
            }
            if connectedAtBegin != nil, await channel.currentConnectionId == nil {
                return StepReport(outcome: .inconclusive,
                                  failure: StepFailure(message: "the station disconnected while the step waited for \(expect.action)"))
            }
            switch await awaitEvent(after: seen, until: deadline) {
            case .event: continue
            case .cancelled: return .interrupted
            case .deadline:
                if let (index, entry) = await channel.take(from: window, where: accepts) {
                    return await took(entry, at: index, for: expect)
                }
                if expect.optional { return .passed("\(expect.action) did not come (optional)") }
                return await missing(expect, window: window, deadline: deadline)
            }
        }
    }

    /// The deadline of an expectation: its own bound, stretched to the operator's while an operator prompt is pending.
    func expectationDeadline(_ within: Duration) -> RunInstant {
        let own = stepDeadline(within)
        guard let operatorDeadline else { return own }
        return min(max(own, operatorDeadline), scenarioDeadline)
    }

    /// Whether the message of the following `expect` step already came (which ends an optional expectation).
    func nextStepArrived(_ next: Step?, window: Int) async -> String? {
        guard let next, case .expect(let following) = next.kind else { return nil }
        let accepts = acceptor(for: following)
        let events = await context.channel.events(from: window)
        let arrived = events.contains { _, event in
            guard let entry = event.call else { return false }
            return !entry.consumed && accepts(entry)
        }
        return arrived ? "the next step's \(following.action) came first" : nil
    }

    /// The step took a CALL: answer it, check it, capture from it.
    func took(_ entry: CallEntry, at index: Int, for expect: Expect) async -> StepReport {
        operatorDeadline = nil
        let (answer, evaluationError) = await context.channel.answer(index, reply: expect.reply, environment: environment)
        let messageIds = [entry.call.id]
        if let evaluationError {
            return .ended(.error, "the reply to \(expect.action) could not be computed (the default reply was sent): \(evaluationError)",
                          messageIds: messageIds)
        }
        if !entry.call.validation.isValid {
            reportedInvalid.insert(index)
            return .failed(StepFailure(message: "the station's \(expect.action) breaks the OCPP 1.6 schema",
                                       received: entry.call.raw, violations: entry.call.validation.errors), messageIds: messageIds)
        }
        if let error = capture(expect.captures, with: ["payload": entry.payload, "reply": answer.replyPayload ?? .null]) {
            return error
        }
        return .passed("received \(expect.action) \(Self.short(entry.payload)); \(answer.description == "step" ? "answered by the step" : "answered by \(answer.description)")",
                       messageIds: messageIds)
    }

    /// The failure of an expectation that ran out: what came instead, with a diff against the closest candidate.
    func missing(_ expect: Expect, window: Int, deadline: RunInstant) async -> StepReport {
        let events = await context.channel.events(from: window)
        let calls = events.compactMap { $0.1.call }
        let sameAction = calls.filter { $0.action == expect.action }
        let bound = boundText(expect.within, deadline: deadline)
        let outcome: StepOutcome = operatorDeadline == nil ? .failed : .inconclusive
        let operatorNote = operatorDeadline == nil ? "" : " (the operator did not act in time)"
        if let closest = sameAction.last, let match = expect.match {
            let count = sameAction.count
            return StepReport(outcome: outcome, failure: StepFailure(
                message: "expected \(expect.action) matching the step \(bound)\(operatorNote); \(count) \(expect.action) came but \(count == 1 ? "it does" : "none does") not match",
                expected: match.summary(in: environment), received: closest.payload.jsonText,
                mismatches: match.match(closest.payload, in: environment)))
        }
        let others = calls.filter { !$0.consumed }.map(\.action)
        let instead = others.isEmpty ? "nothing came" : "came instead: \(others.suffix(8).joined(separator: ", "))"
        return StepReport(outcome: outcome, failure: StepFailure(
            message: "expected \(expect.action) \(bound)\(operatorNote); none came (\(instead))",
            expected: expect.match.map { $0.summary(in: environment) } ?? expect.action, received: instead))
    }

    /// `any-order`: every child must pass in whatever order the station's messages come. Steps other than `expect`
    /// run first, in order (with the group's expectations claiming their replies meanwhile); then the expectations
    /// wait together, each taking its own match.
    func runAnyOrder(_ children: [Step], phase: StepResult.Phase, window: Int, continuation: [Step]) async -> StepReport {
        groupWindows.append(window)
        defer { groupWindows.removeLast() }
        var results: [StepResult] = []
        let expectations = children.filter { if case .expect = $0.kind { true } else { false } }
        var pending: [(step: Step, expect: Expect, started: Date, deadline: RunInstant)] = []
        for child in children {
            if case .expect(let expect) = child.kind {
                pending.append((child, expect, Date(), expectationDeadline(expect.within)))
            } else {
                let result = await execute(child, phase: phase, continuation: expectations + continuation)
                results.append(result)
                if result.outcome != .passed { return groupReport(results, failed: result) }
            }
        }
        let channel = context.channel
        if results.count > 0 {
            await channel.configure(AnsweringPolicy(claims: ReplyClaim.claims(upcoming: expectations + continuation),
                                                    replies: replies, environment: environment), windowStart: window)
        }
        while !pending.isEmpty {
            let seen = await channel.mark
            var progressed = false
            for (position, item) in pending.enumerated().reversed() {
                guard let (index, entry) = await channel.take(from: window, where: acceptor(for: item.expect)) else { continue }
                let report = await took(entry, at: index, for: item.expect)
                results.append(childResult(item.step, phase: phase, started: item.started, report: report))
                pending.remove(at: position)
                progressed = true
                if report.outcome != .passed { return groupReport(results, failed: results.last) }
            }
            if progressed || pending.isEmpty { continue }
            let now = context.clock.current
            for item in pending where item.deadline <= now {
                let report = item.expect.optional
                    ? StepReport.passed("\(item.expect.action) did not come (optional)")
                    : await missing(item.expect, window: window, deadline: item.deadline)
                results.append(childResult(item.step, phase: phase, started: item.started, report: report))
            }
            pending.removeAll { $0.deadline <= now }
            guard let next = pending.map(\.deadline).min() else { break }
            if case .cancelled = await awaitEvent(after: seen, until: next) { return .interrupted }
        }
        let failed = results.first { $0.outcome != .passed }
        return groupReport(results, failed: failed)
    }

    /// A child result of a group, built without going through `execute` (the children wait together).
    func childResult(_ step: Step, phase: StepResult.Phase, started: Date, report: StepReport) -> StepResult {
        var failure = report.failure
        if failure != nil, failure?.lastFrames.isEmpty == true { failure?.lastFrames = context.lastFrames() }
        let result = StepResult(verb: step.verb, name: step.name, action: step.action, location: step.location, phase: phase,
                                summary: report.summary, started: started, ended: Date(), outcome: report.outcome,
                                failure: failure, traceSequences: context.traceSequences(messageIds: report.messageIds))
        context.observer.handle(.stepFinished(station: context.channel.identity, result: result))
        return result
    }

    /// The group's report: passed when every child passed, else the first failing child's outcome and failure.
    func groupReport(_ children: [StepResult], failed: StepResult?) -> StepReport {
        guard let failed, failed.outcome != .passed else {
            return StepReport(outcome: .passed, summary: "\(children.count) steps passed", children: children)
        }
        let message = "\(failed.verb) at \(failed.location): \(failed.failure?.message ?? failed.outcome.rawValue)"
        var failure = failed.failure ?? StepFailure(message: message)
        failure.message = message
        return StepReport(outcome: failed.outcome, failure: failure, children: children)
    }
}
