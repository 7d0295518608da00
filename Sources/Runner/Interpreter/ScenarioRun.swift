import Foundation
import OCPP
import Scenario
import YAML

/// Runs one scenario against one station: its preconditions (`uses:`), its steps, its teardown (always), and gives its
/// ``ScenarioResult``. One instance per scenario run; used from one task.
final class ScenarioRun {
    let scenario: Scenario
    let context: InterpreterContext
    let suiteId: String?
    /// Values that replace the scenario's own `given` defaults (the suite's `given`, then `--set`).
    let overrides: [String: JSONValue]
    /// Variables in scope for the steps running now.
    var environment: Environment
    /// The mailbox mark where the last step that acts or pauses on purpose began (`send`, `action`, `wait`): an
    /// `expect` considers the CALLs from there on. Steps that only observe (`expect`, `expect-none`, `hold`,
    /// `expect-disconnect`, `expect-reconnect`, groups of them) and steps that take no time (`log`, `assert`) leave it
    /// alone, so a burst of messages the station sent in answer to one act is there for each `expect` that follows.
    var previousStepStart: Int
    /// When the scenario's `timeout:` runs out.
    var scenarioDeadline = RunInstant(sinceStart: .zero)
    /// Invalid station CALLs already reported by a step (by mailbox position).
    var reportedInvalid: Set<Int> = []
    /// Where the last step's check for invalid CALLs ended: the next step checks from there, so a CALL that lands
    /// between two steps (after one step's check, before the next one's mark) is still reported.
    var invalidCallsCheckedUpTo: Int?
    /// Where the last step's check for OCPP-J faults ended (per session), for the same reason.
    var findingsCheckedUpTo: [Int]?
    /// Set while an operator has been prompted and the station has not yet shown the act: expectations wait as long
    /// as the operator has, and a timeout is INCONCLUSIVE (the operator did not act), not FAIL.
    var operatorDeadline: RunInstant?
    /// The disconnection `expect-disconnect` saw, and where it began looking: `expect-reconnect` looks from there for
    /// another connection (the station may be back before `expect-reconnect` begins, and the new connection's event
    /// may even precede the old one's close event).
    var lastDisconnection: (searchStart: Int, connectionId: String)?
    /// The `replies:` in force (the scenario's, with a running precondition's own on top).
    var replies: [String: Reply]

    /// Bound on `repeat` iterations, so no file can make the runner loop for ever.
    static let maximumIterations = 10_000
    /// Bound on nesting of preconditions.
    static let maximumIncludeDepth = 16

    init(scenario: Scenario, context: InterpreterContext, suiteId: String?, overrides: [String: JSONValue],
         previousStepStart: Int) {
        self.scenario = scenario
        self.context = context
        self.suiteId = suiteId
        self.overrides = overrides
        self.previousStepStart = previousStepStart
        self.replies = scenario.replies
        let clock = context.clock
        environment = Environment(variables: ["station": .string(context.channel.identity),
                                              "profile": context.profile.jsonValue],
                                  clock: { clock.now })
    }

    /// Runs everything; returns the result.
    func run() async -> ScenarioResult {
        let started = Date()
        let channel = context.channel
        let startMark = await channel.mark
        let findingsMark = await channel.findingsMark()
        let firstSequence = (context.recorder.records.last?.sequence ?? 0) + 1
        let mode = await channel.currentMode
        scenarioDeadline = context.deadline(after: scenario.timeout)

        var steps: [StepResult] = []
        var setupError: String?
        do {
            environment = try Self.bind(scenario.given, overrides: overrides, into: environment)
        } catch {
            setupError = "a given value could not be computed: \(error)"
        }
        var stopped = setupError != nil
        if !stopped {
            let (results, ok) = await runPreconditions(scenario.uses, depth: 0)
            steps += results
            stopped = !ok
        }
        steps += await runList(scenario.steps, phase: .main, continuation: scenario.teardown, skip: stopped).0
        steps += await runList(scenario.teardown, phase: .teardown, continuation: [], skip: false).0

        let endMark = await channel.mark
        let findings = await channel.findings(since: findingsMark)
        let lastSequence = context.recorder.records.last?.sequence ?? 0
        // Messages a step took may have come before the scenario started (a BootNotification on connecting).
        let earliestTaken = steps.flatMap(\.allTraceSequences).min() ?? firstSequence
        let traceStart = min(firstSequence, earliestTaken)
        let (verdict, reason) = setupError.map { (Verdict.error, $0) } ?? Self.verdict(of: steps)
        let unconsumed = await unconsumedCalls(from: startMark, to: endMark)
        return ScenarioResult(
            id: scenario.metadata.id, name: scenario.metadata.name, file: scenario.file, location: scenario.location,
            tags: scenario.metadata.tags, description: scenario.metadata.description, suiteId: suiteId, verdict: verdict,
            reason: reason, expectedFailure: scenario.metadata.expectedFailure,
            requiredMode: scenario.metadata.requirements.security, connectionMode: mode, started: started,
            ended: Date(), steps: steps, unconsumedCalls: unconsumed, variables: environment.variables,
            findings: findings,
            traceRange: lastSequence >= traceStart ? traceStart...lastSequence : nil)
    }

    /// The verdict from the steps: the first step (in run order) that did not pass decides; a teardown step decides
    /// only when everything before it passed.
    static func verdict(of steps: [StepResult]) -> (Verdict, String?) {
        for step in steps {
            guard let failed = step.firstFailure ?? ([.skipped, .unsupported].contains(step.outcome) ? step : nil),
                  let verdict = failed.outcome.scenarioVerdict else { continue }
            let part = step.phase == .precondition ? "precondition step" : step.phase == .teardown ? "teardown step" : "step"
            let message = failed.failure?.message ?? failed.outcome.rawValue
            return (verdict, "\(part) \(failed.verb) at \(failed.location): \(message)")
        }
        return (.pass, nil)
    }

    /// Evaluates `given` variables in order into `environment`, each seeing the ones before; an override replaces
    /// the default without evaluating it.
    static func bind(_ given: [Variable], overrides: [String: JSONValue], into environment: Environment) throws(EvaluationError) -> Environment {
        var environment = environment
        for variable in given {
            if let value = overrides[variable.name] {
                environment[variable.name] = value
            } else {
                environment[variable.name] = try variable.value.evaluate(in: environment)
            }
        }
        return environment
    }

    // MARK: - Step lists

    /// Runs `steps` in order until one does not pass; the rest are listed as not run. `continuation` is what runs
    /// after this list (for reply claims). With `skip`, nothing runs.
    func runList(_ steps: [Step], phase: StepResult.Phase, continuation: [Step], skip: Bool) async -> ([StepResult], Bool) {
        var results: [StepResult] = []
        var stopped = skip
        for (index, step) in steps.enumerated() {
            if stopped {
                let now = Date()
                results.append(StepResult(verb: step.verb, name: step.name, action: step.action, location: step.location,
                                          phase: phase, started: now, ended: now, outcome: .notRun))
                continue
            }
            let rest = Array(steps[(index + 1)...]) + continuation
            let result = await execute(step, phase: phase, continuation: rest)
            results.append(result)
            if result.outcome != .passed { stopped = true }
        }
        return (results, !stopped)
    }

    /// Runs one step: sets the reply claims, does the step, checks the CALLs that arrived meanwhile, reports.
    func execute(_ step: Step, phase: StepResult.Phase, continuation: [Step]) async -> StepResult {
        let channel = context.channel
        let begin = await channel.mark
        let findingsMark = await channel.findingsMark()
        let window = previousStepStart
        if step.movesWindow { previousStepStart = begin }
        await channel.configure(AnsweringPolicy(claims: ReplyClaim.claims(upcoming: [step] + continuation),
                                                replies: replies, environment: environment), windowStart: window)
        context.observer.handle(.stepStarted(station: channel.identity, verb: step.verb, name: step.name,
                                             location: step.location, waitsUpTo: bound(of: step).map(context.clock.realDuration)))
        let started = Date()
        var report: StepReport
        if Task.isCancelled {
            report = .interrupted
        } else if context.clock.current >= scenarioDeadline {
            report = .failed(StepFailure(message: "the scenario's timeout (\(DurationText.format(scenario.timeout))) ran out before this step"))
        } else {
            report = await perform(step, phase: phase, window: window, begin: begin, continuation: continuation)
        }
        report = await checkInvalidCalls(report, from: min(begin, invalidCallsCheckedUpTo ?? begin),
                                         findingsSince: findingsCheckedUpTo ?? findingsMark)
        if var failure = report.failure, failure.lastFrames.isEmpty, report.outcome != .skipped {
            failure.lastFrames = context.lastFrames()
            report.failure = failure
        }
        let result = StepResult(verb: step.verb, name: step.name, action: step.action, location: step.location, phase: phase,
                                summary: report.summary, started: started, ended: Date(), outcome: report.outcome,
                                failure: report.failure, traceSequences: context.traceSequences(messageIds: report.messageIds),
                                physicalAction: report.physicalAction, children: report.children)
        context.observer.handle(.stepFinished(station: channel.identity, result: result))
        return result
    }

    /// The step's own bound, for the countdown.
    func bound(of step: Step) -> Duration? {
        switch step.kind {
        case .send(let send): send.within
        case .expect(let expect): expect.within
        case .wait(let duration): duration
        case .hold(let hold): hold.duration
        case .expectDisconnect(let within), .expectReconnect(let within): within
        case .expectNone(let none): none.duration
        case .action(let action): action.within
        case .anyOrder(let children): children.compactMap(bound).max()
        case .repeating, .assert, .log: nil
        }
    }

    /// The one switch over the step kinds.
    func perform(_ step: Step, phase: StepResult.Phase, window: Int, begin: Int, continuation: [Step]) async -> StepReport {
        switch step.kind {
        case .send(let send): return await runSend(send)
        case .expect(let expect): return await runExpect(expect, window: window, begin: begin, next: continuation.first)
        case .wait(let duration): return await runWait(duration)
        case .hold(let hold): return await runHold(hold, begin: begin)
        case .expectDisconnect(let within): return await runExpectDisconnect(within: within, window: window)
        case .expectReconnect(let within): return await runExpectReconnect(within: within, window: window)
        case .expectNone(let none): return await runExpectNone(none, begin: begin)
        case .action(let action): return await runAction(action)
        case .anyOrder(let children):
            return await runAnyOrder(children, phase: phase, window: window, continuation: continuation)
        case .repeating(let repetition): return await runRepeat(repetition, phase: phase, continuation: continuation)
        case .assert(let assertion): return runAssert(assertion)
        case .log(let text): return runLog(text)
        }
    }

    // MARK: - Checks common to all steps

    /// Protocol faults of the station that fail the step they happen in (schema violations are reported with the
    /// CALL or answer they concern).
    static let failingFindings: Set<OCPPFinding.Kind> = [.malformedFrame, .binaryFrame, .unknownAction, .wrongDirection,
                                                          .duplicateMessageId, .concurrentCall, .unexpectedResponse]

    /// Fails a step that otherwise passed when the station sent a CALL breaking the schema (from `begin` on: since the
    /// previous step's check), or broke OCPP-J (a malformed frame, a duplicate message id, …; findings since `mark`,
    /// the previous step's check too), while it ran.
    func checkInvalidCalls(_ report: StepReport, from begin: Int, findingsSince mark: [Int]) async -> StepReport {
        let events = await context.channel.events(from: begin)
        var report = report
        let (findings, checkedUpTo) = await context.channel.findingsAndMark(since: mark)
        findingsCheckedUpTo = checkedUpTo
        if report.outcome == .passed, let fault = findings.first(where: {
            $0.sender == .chargePoint && $0.severity == .error && Self.failingFindings.contains($0.kind)
        }) {
            report.outcome = .failed
            report.failure = StepFailure(message: "the station broke OCPP-J while this step ran: \(fault.message)",
                                         received: fault.raw)
        }
        if let last = events.last?.0 { invalidCallsCheckedUpTo = max(invalidCallsCheckedUpTo ?? 0, last + 1) }
        for (index, event) in events {
            guard let entry = event.call, !entry.call.validation.isValid, !reportedInvalid.contains(index) else { continue }
            reportedInvalid.insert(index)
            guard report.outcome == .passed else { continue }
            report.outcome = .failed
            report.failure = StepFailure(
                message: "the station sent a \(entry.action) that breaks the OCPP 1.6 schema while this step ran",
                received: entry.call.raw, violations: entry.call.validation.errors)
        }
        return report
    }

    /// The station CALLs between two marks that no step took.
    func unconsumedCalls(from start: Int, to end: Int) async -> [ReceivedCall] {
        let entries = await context.channel.events(from: start).filter { $0.0 < end }.compactMap { _, event in
            event.call.flatMap { $0.consumed ? nil : $0 }
        }
        // One pass over the trace for all of them (a flooding station leaves thousands).
        let ids = Set(entries.map(\.call.id))
        var sequences: [String: Int] = [:]
        for record in context.recorder.records {
            if let id = record.messageId, ids.contains(id), sequences[id] == nil { sequences[id] = record.sequence }
        }
        return entries.map { entry in
            ReceivedCall(messageId: entry.call.id, action: entry.action, payload: entry.payload, received: entry.received,
                         traceSequence: sequences[entry.call.id], answeredBy: entry.answer.description)
        }
    }

    /// The deadline of a step bound by `within`, never past the scenario's.
    func stepDeadline(_ within: Duration) -> RunInstant {
        min(context.boundDeadline(after: within), scenarioDeadline)
    }

    /// Words for a bound that ran out: the step's own, or the scenario's timeout.
    func boundText(_ within: Duration, deadline: RunInstant) -> String {
        deadline == scenarioDeadline && deadline < context.boundDeadline(after: within)
            ? "before the scenario's timeout (\(DurationText.format(scenario.timeout))) ran out"
            : "within \(DurationText.format(within))"
    }

    /// Waits for a new mailbox event after `seen`, until `deadline`. The scenario's hold on run time is released
    /// meanwhile; whatever wakes it (the event, the deadline) hands a hold back at that very moment, so run time
    /// cannot jump on before the step has looked at what woke it.
    func awaitEvent(after seen: Int, until deadline: RunInstant) async -> WaitResult {
        let channel = context.channel
        let clock = context.clock
        clock.releaseTime()
        let (result, holdsHandedBack) = await withTaskGroup(of: (WaitResult, Bool).self) { group in
            group.addTask {
                (.event, await channel.waitForEvent(after: seen, holdingTime: true))
            }
            group.addTask {
                do {
                    try await clock.sleepThenHold(until: deadline)
                    return (.deadline, true)
                } catch {
                    return (.cancelled, false)
                }
            }
            let first = await group.next() ?? (.cancelled, false)
            group.cancelAll()
            var holds = first.1 ? 1 : 0
            for await other in group where other.1 { holds += 1 }
            return (first.0, holds)
        }
        Self.keepOneHold(on: clock, handedBack: holdsHandedBack)
        return Task.isCancelled ? .cancelled : result
    }

    /// After a wait, the scenario holds run time exactly once again, however many wake-ups handed a hold back.
    static func keepOneHold(on clock: any RunClock, handedBack holds: Int) {
        if holds == 0 { clock.holdTime() }
        for _ in 0..<max(holds - 1, 0) { clock.releaseTime() }
    }

    /// How a wait ended.
    enum WaitResult: Sendable {
        case event, deadline, cancelled
    }

    /// Captures `captures` with extra bindings (`payload`, `reply`, `result`, `error`); an error names the capture.
    func capture(_ captures: [Capture], with bindings: [String: JSONValue]) -> StepReport? {
        let scope = environment.adding(bindings)
        for capture in captures {
            do {
                environment[capture.name] = try capture.expression.evaluate(in: scope)
            } catch {
                return .ended(.error, "capture \(capture.name) at \(capture.location) could not be computed: \(error)")
            }
        }
        return nil
    }
}

extension Step {
    /// Whether the step acts on the station or pauses on purpose (`wait`), so that what came before it is stale for
    /// the expectations after it. `hold` and `expect-none` also take time but only observe: a CALL that the last act
    /// caused stays there for the `expect` after them, even when it came before they began (a StartTransaction right
    /// after a remote start, a Charging report before a `hold`).
    var movesWindow: Bool {
        switch kind {
        case .send, .action, .wait: true
        case .hold, .expectNone, .expect, .expectDisconnect, .expectReconnect, .anyOrder, .repeating, .assert, .log: false
        }
    }
}
