import Foundation
import OCPP
import Scenario

/// One station as the central system sees it, across its connections: the mailbox every station CALL lands in the
/// moment it arrives, and the way to send CALLs to the station.
///
/// The mailbox is what keeps expectations from racing: every CALL is logged (validated by the session, recorded in the
/// trace) as it arrives, whether or not a step is waiting, and an `expect` later takes the first unconsumed match.
/// Every CALL is answered: a CALL that a pending or upcoming `expect` with a `reply` wants (a ``ReplyClaim``) is held
/// until that step takes it; any other is answered at once by the scenario's `replies:` or the default replies.
actor StationChannel {
    /// The charge point identity.
    nonisolated let identity: String
    nonisolated let clock: any RunClock
    nonisolated let sessionConfiguration: SessionConfiguration
    nonisolated let defaults: DefaultReplies
    nonisolated let observer: any RunObserver
    /// This station's trace: every frame of its sessions, numbered from 1.
    nonisolated let recorder: TraceRecorder

    /// Everything that happened, in order, from position ``dropped`` on; positions are the "marks" steps use and stay
    /// valid when the oldest events are dropped (see ``limit``).
    private var events = EventLog()
    /// The connections, in order (a long history summarised: the first and last 50).
    private var history = ConnectionHistory()
    /// The open connection's id, `nil` while the station is disconnected.
    private(set) var currentConnectionId: String?
    /// The heartbeat interval agreed in the last accepted BootNotification answer.
    private(set) var agreedHeartbeatInterval: Duration?
    /// The first BootNotification payload.
    private(set) var bootNotification: JSONValue?
    /// How CALLs no step takes at once are answered.
    private var policy = AnsweringPolicy()
    /// Every connection's session, in order; a closed one only as its findings, so that a station reconnecting for
    /// days does not keep every session (its conversation state, its transport) alive.
    private var sessions: [SessionSlot] = []
    private var heldIndices: Set<Int> = []
    private let eventWaitlist = Waitlist()
    /// Most events kept: beyond it the oldest quarter is dropped (held CALLs among them answered first), so a station
    /// that sends for days, or floods, cannot grow memory without bound. A step can no longer take a dropped CALL.
    let limit: Int
    /// How many CALLs were dropped unanswered by no step (they had their answer; only the mailbox forgot them).
    private(set) var droppedCalls = 0
    /// Set once the station's plan has run (``finishPlan()``): no step takes a CALL any more.
    private var planFinished = false
    /// The unconsumed CALLs ``forget(before:)`` took out of the mailbox during the scenario in progress.
    private var forgotten = ForgottenCalls()
    /// How many events at the start of the open connection stay when older events are forgotten: a precondition made
    /// only of `expect` steps replays the connection's opening (the BootNotification an earlier scenario took, a
    /// StatusNotification per connector). Each kept event holds its CALL's payload; a thousand stations keeping 64
    /// took about 45 MB in the soak.
    static let keptOpeningEvents = 16
    /// Answers without a delay being sent, by mailbox position: a CALL to the station waits for them (a step's
    /// RemoteStopTransaction must not reach the station before the StartTransaction answer that gave its id).
    private var answersOnTheirWay: [Int: Task<Void, Never>] = [:]

    init(identity: String, clock: any RunClock, mode: ValidationMode, recorder: TraceRecorder,
         defaults: DefaultReplies = DefaultReplies(), observer: any RunObserver = SilentObserver(),
         policy: AnsweringPolicy = AnsweringPolicy(), limits: RunLimits = RunLimits()) {
        self.identity = identity
        self.recorder = recorder
        limit = max(limits.mailbox, 16)
        var configuration = SessionConfiguration(mode: mode, clock: clock, trace: recorder,
                                                 maximumUnansweredIncomingCalls: limits.pendingCalls)
        configuration.holdsTimeWhenClosed = true
        sessionConfiguration = configuration
        self.policy = policy
        self.observer = observer
        self.clock = clock
        self.defaults = defaults
    }

    // MARK: - Connections

    /// Starts an OCPP session on a new connection of this station; it becomes the current one. One connection per
    /// identity: a connection still open is closed (1008, "replaced by a newer connection from PEER"), since a station
    /// that comes back after a power cut must not be locked out until its dead connection times out.
    func attach(transport: any OCPPTransport, record: ConnectionRecord) {
        if let previous = currentConnectionId, let old = openSession(previous) {
            let reason = "replaced by a newer connection from \(record.peer)"
            Task { await old.close(code: 1008, reason: reason) }
        }
        let info = SessionInfo(connectionId: record.connectionId, stationIdentity: identity, role: .centralSystem,
                               securityMode: record.security)
        let session = OCPPSession(transport: transport, info: info, configuration: sessionConfiguration)
        sessions.append(.open(id: record.connectionId, session: session))
        history.append(record)
        currentConnectionId = record.connectionId
        append(.connected(record))
        let connectionId = record.connectionId
        Task {
            for await call in session.incomingCalls { self.receive(call, connectionId: connectionId) }
            let closure = await session.waitUntilClosed(holdingTime: true)
            self.closed(connectionId: connectionId, closure: closure, findings: await session.findingLog)
            clock.releaseTime()
        }
    }

    /// The session of connection `id` while it is open.
    private func openSession(_ id: String) -> OCPPSession? {
        guard case .open(_, let session)? = sessions.last(where: { $0.id == id }) else { return nil }
        return session
    }

    /// How many connections' sessions are still held (the open one, and any whose close is not handled yet).
    var heldSessions: Int { sessions.count { if case .open = $0 { true } else { false } } }

    /// The connections listed in the station's result, in order: the first and the last
    /// ``ConnectionHistory/keptAtEachEnd``.
    var connections: [ConnectionRecord] { history.listed }

    /// How many connections between those are not listed.
    var unlistedConnections: Int { history.unlisted }

    /// Whether a connection is open.
    var isConnected: Bool { currentConnectionId != nil }

    /// The mode of the open connection.
    var currentMode: SecurityMode? {
        guard let id = currentConnectionId else { return nil }
        return history.record(id)?.mode
    }

    private func closed(connectionId: String, closure: TransportClosure, findings: FindingLog) {
        if currentConnectionId == connectionId { currentConnectionId = nil }
        if let index = sessions.lastIndex(where: { $0.id == connectionId }) {
            sessions[index] = .closed(id: connectionId, findings: findings)
        }
        let description = LimitAdvice.advise(closure.description, LimitAdvice.limit(reachedBy: closure))
        history.update(connectionId) { record in
            record.closed = Date()
            record.closure = description
        }
        append(.disconnected(connectionId: connectionId, description: description))
        observer.handle(.stationDisconnected(identity: identity, reason: description))
    }

    /// Closes the open connection (at the end of a run, or before the emulator reconnects in another mode).
    func closeCurrentConnection(reason: String) async {
        guard let id = currentConnectionId, let session = openSession(id) else { return }
        await session.close(code: 1000, reason: reason)
    }

    /// Closes every connection.
    func closeAll(reason: String) async {
        for case .open(_, let session) in sessions { await session.close(code: 1001, reason: reason) }
    }

    /// How many findings each session has so far: a mark to ask for the findings since.
    func findingsMark() async -> [Int] {
        var counts: [Int] = []
        for slot in sessions { counts.append(await slot.findings.count) }
        return counts
    }

    /// The findings since `mark`, session by session. A session checks each frame before handing on the next, so a
    /// fault the station committed before a message a step took is always among them.
    func findings(since mark: [Int]) async -> [OCPPFinding] {
        await findingsAndMark(since: mark).found
    }

    /// The findings since `mark`, and the mark just after them: each session's findings are read once, so a finding
    /// that comes meanwhile is after the new mark, never skipped.
    func findingsAndMark(since mark: [Int]) async -> (found: [OCPPFinding], next: [Int]) {
        var found: [OCPPFinding] = []
        var next: [Int] = []
        for (index, slot) in sessions.enumerated() {
            let log = await slot.findings
            found += log.since(index < mark.count ? mark[index] : 0)
            next.append(log.count)
        }
        return (found, next)
    }

    /// How many findings the sessions dropped, oldest first, to stay within ``FindingLog/limit`` each.
    var droppedFindings: Int {
        get async {
            var dropped = 0
            for slot in sessions { dropped += await slot.findings.dropped }
            return dropped
        }
    }

    /// The protocol findings of every session so far, connection by connection.
    func findings() async -> [OCPPFinding] {
        var all: [OCPPFinding] = []
        for slot in sessions { all += await slot.findings.kept }
        return all
    }

    // MARK: - Calls to the station

    /// Sends a CALL on the open connection and waits (at most `timeout` of run time) for its outcome. The caller's
    /// hold on run time is handed to the session while the station answers, and is back when this returns (see
    /// ``OCPPSession/call(_:_:timeout:handingOverHold:)``).
    /// Answers still on their way go out first, so the CALL cannot overtake them.
    func call(_ action: String, _ payload: JSONValue, timeout: Duration) async -> (CallOutcome, connectionId: String?) {
        while let (index, sending) = answersOnTheirWay.first {
            await sending.value
            answersOnTheirWay[index] = nil
        }
        guard let id = currentConnectionId, let session = openSession(id) else {
            return (.disconnected, nil)
        }
        return (await session.call(action, payload, timeout: timeout, handingOverHold: true), id)
    }

    // MARK: - The mailbox

    /// The position the next event will take.
    var mark: Int { events.end }

    /// Replaces the answering policy; held CALLs no claim wants any more are answered now, and so are those before
    /// `windowStart`, which no coming step can take any more (the station must never wait for an answer in vain).
    func configure(_ newPolicy: AnsweringPolicy, windowStart: Int) {
        policy = newPolicy
        policy.openConnection = currentConnectionId
        for index in heldIndices.sorted() {
            guard let entry = events[index]?.call,
                  index < windowStart || !policy.holds(entry.call, on: entry.connectionId) else { continue }
            answerFromPolicy(index)
        }
    }

    /// Takes the first unconsumed CALL at or after `start` that `accepts` wants, marking it consumed.
    func take(from start: Int, includingConsumed: Bool = false, where accepts: @Sendable (CallEntry) -> Bool) -> (Int, CallEntry)? {
        for index in events.positions(from: start) {
            if var entry = events[index]?.call, includingConsumed || !entry.consumed, accepts(entry) {
                entry.consumed = true
                events.replace(index, with: .call(entry))
                return (index, entry)
            }
        }
        return nil
    }

    /// The events from `start` on, as they are now.
    func events(from start: Int) -> [(Int, StationEvent)] {
        events.positions(from: start).compactMap { position in events[position].map { (position, $0) } }
    }

    /// How many events the mailbox keeps now.
    var keptEvents: Int { events.count }

    /// Forgets the events before `position`, which no coming step can look at (the scenario in progress says where
    /// its windows begin): the results of the steps that took CALLs hold what the reports need, and an unconsumed
    /// CALL among them is kept aside for the scenario's result (``forgottenCalls()``). A held CALL and the opening of
    /// the open connection (``keptOpeningEvents``) stay. This keeps a long scenario's mailbox at the size of its
    /// current window instead of its whole history.
    func forget(before position: Int) {
        let end = min(position, heldIndices.min() ?? position)
        guard end > events.start else { return }
        for (index, event) in events.drop(before: end, keeping: openingRange) {
            if let entry = event.call, !entry.consumed { forgotten.note(entry, at: index) }
        }
    }

    /// The station's plan has run: no step will take a CALL any more. Held CALLs are answered (by the `replies:` in
    /// force, else by default), no CALL is held from now on, and the mailbox keeps only its newest event: a station that stays
    /// connected, or keeps reconnecting, while the other stations' plans run costs no memory for its CALLs.
    func finishPlan() {
        var settled = policy
        settled.claims = []
        configure(settled, windowStart: events.end)
        planFinished = true
        events.drop(before: events.end)
    }

    /// Starts collecting the unconsumed CALLs forgotten from `position` on, for the scenario that begins there.
    func collectForgottenCalls(from position: Int) {
        forgotten.reset(from: position)
    }

    /// The unconsumed CALLs forgotten since ``collectForgottenCalls(from:)``: the first ones listed, the rest counted.
    func forgottenCalls() -> (listed: [ReceivedCall], unlisted: Int) {
        (forgotten.listed, forgotten.unlisted)
    }

    /// The positions of the open connection's opening, kept when older events go.
    private var openingRange: Range<Int>? {
        currentConnectionStart.map { $0..<($0 + Self.keptOpeningEvents) }
    }

    /// Where the open connection's events begin (`nil` while disconnected).
    var currentConnectionStart: Int? {
        guard let id = currentConnectionId else { return nil }
        return events.lastPosition { if case .connected(let record) = $0 { record.connectionId == id } else { false } }
            ?? events.start
    }

    /// Answers the CALL at `index` for the step that took it: with `reply` if given, else as the policy says. A CALL
    /// answered before (it was not held) keeps its answer. Returns how it was answered, and the evaluation error of
    /// `reply` if it could not be computed (the CALL then gets the policy's answer).
    func answer(_ index: Int, reply: Reply?, environment: Environment) -> (CallAnswerState, EvaluationError?) {
        guard let entry = events[index]?.call else { return (.failed("not a CALL"), nil) }
        guard entry.answer.isHeld else { return (entry.answer, nil) }
        guard let reply else {
            answerFromPolicy(index)
            return (events[index]?.call?.answer ?? .held, nil)
        }
        do {
            let answer = try ReplyAnswer.make(reply, for: entry.call, in: environment)
            deliver(answer, to: index, by: "step", delay: reply.delay)
            return (events[index]?.call?.answer ?? .held, nil)
        } catch {
            answerFromPolicy(index)
            return (events[index]?.call?.answer ?? .held, error)
        }
    }

    /// Suspends until an event after position `count` exists (or the task is cancelled). With `holdingTime`, an
    /// event hands the waiter a hold on run time at the moment it is appended (see ``RunClock/holdTime()``);
    /// returns whether it did.
    @discardableResult
    func waitForEvent(after count: Int, holdingTime: Bool = false) async -> Bool {
        let handOff: (@Sendable () -> Void)? = holdingTime ? { @Sendable [clock] in clock.holdTime() } : nil
        let handOffs = await eventWaitlist.park(until: { events.end > count }, onWake: handOff)
        guard holdingTime else { return false }
        // One hold is the waiter's; a wake that did not satisfy it handed one too many.
        for _ in 0..<max(handOffs - 1, 0) { clock.releaseTime() }
        if handOffs > 0 { return true }
        guard events.end > count else { return false }
        clock.holdTime()
        return true
    }

    private func append(_ event: StationEvent) {
        events.append(event)
        if planFinished {
            // Only the newest stays, to be answered.
            events.drop(before: events.end - 1)
        } else if events.count > limit {
            dropOldest()
        }
        eventWaitlist.wakeAll()
    }

    private func receive(_ call: IncomingCall, connectionId: String) {
        if call.action == "BootNotification" && bootNotification == nil { bootNotification = call.payload }
        let index = events.end
        append(.call(CallEntry(call: call, connectionId: connectionId, received: Date())))
        observer.handle(.callReceived(station: identity, action: call.action, payload: call.payload))
        if policy.holds(call, on: connectionId) {
            // Held for a step: run time may pass until the step takes it (the scenario's task holds time meanwhile).
            call.releaseTime()
            heldIndices.insert(index)
        } else {
            answerFromPolicy(index)
        }
    }

    /// Answers with the scenario's `replies:` for the action, else the default reply.
    private func answerFromPolicy(_ index: Int) {
        guard let entry = events[index]?.call else { return }
        if let reply = policy.replies[entry.action],
           let answer = try? ReplyAnswer.make(reply, for: entry.call, in: policy.environment) {
            deliver(answer, to: index, by: "replies", delay: reply.delay)
        } else if let payload = defaults.reply(to: entry.action, request: entry.payload) {
            deliver(.result(payload), to: index, by: "default", delay: nil)
        } else {
            deliver(.error(code: .notSupported, description: "no reply for \(entry.action)", details: [:]), to: index,
                    by: "default", delay: nil)
        }
    }

    /// Records the answer and sends it (after `delay` of run time) without holding up the mailbox; one without a
    /// delay is among ``answersOnTheirWay`` until it is sent.
    private func deliver(_ answer: ReplyAnswer, to index: Int, by source: String, delay: Duration?) {
        guard let (call, session) = record(answer, at: index, by: source) else { return }
        let clock = self.clock
        let sending = Task {
            if let delay {
                call.releaseTime()
                do {
                    try await clock.sleepThenHold(for: delay)
                } catch {
                    // Cancelled: answer at once.
                    clock.holdTime()
                }
            }
            await transmit(answer, for: call, at: index, on: session)
            if delay != nil { clock.releaseTime() }
        }
        if delay == nil { answersOnTheirWay[index] = sending }
    }

    /// Records how the CALL at `index` is answered (and the heartbeat interval an accepted BootNotification agrees);
    /// the CALL and the session to answer on, `nil` when `index` holds no CALL.
    private func record(_ answer: ReplyAnswer, at index: Int, by source: String) -> (IncomingCall, OCPPSession?)? {
        guard var entry = events[index]?.call else { return nil }
        heldIndices.remove(index)
        entry.answer = .answered(by: answer == .none ? "\(source) (no answer, on purpose)" : source,
                                 payload: answer.resultPayload)
        events.replace(index, with: .call(entry))
        if entry.action == "BootNotification", case .result(let payload) = answer, payload["status"] == "Accepted",
           case .integer(let seconds)? = payload["interval"], seconds > 0 {
            agreedHeartbeatInterval = .seconds(seconds)
        }
        return (entry.call, openSession(entry.connectionId))
    }

    /// Sends the answer to `call`; a failure is noted on the mailbox entry.
    private func transmit(_ answer: ReplyAnswer, for call: IncomingCall, at index: Int, on session: OCPPSession?) async {
        // Answers other than a CALLRESULT or CALLERROR (none, a raw frame) do not go through the responder.
        defer {
            call.releaseTime()
            answersOnTheirWay[index] = nil
        }
        do {
            switch answer {
            case .result(let payload): try await call.respond(payload)
            case .error(let code, let description, let details):
                try await call.respondError(code, description: description, details: details)
            case .none: break
            case .raw(let text): try await session?.send(raw: text)
            }
        } catch {
            noteAnswerFailure(index, "\(error)")
        }
    }

    /// Drops the oldest quarter of the mailbox (the opening of the open connection stays, unless the limit is so small
    /// that it would be a good part of it); a held CALL among them gets the policy's answer first.
    private func dropOldest() {
        let end = events.start + limit / 4
        for index in heldIndices.sorted() where index < end { answerFromPolicy(index) }
        let kept = limit >= 4 * Self.keptOpeningEvents ? openingRange : nil
        droppedCalls += events.drop(before: end, keeping: kept).count { $0.event.call.map { !$0.consumed } ?? false }
    }

    private func noteAnswerFailure(_ index: Int, _ reason: String) {
        guard var entry = events[index]?.call else { return }
        entry.answer = .failed(reason)
        events.replace(index, with: .call(entry))
    }
}
