import Foundation
import WebSocket

/// One OCPP-J conversation over one connection, from one side (the central system for the runner, the charge
/// point for the emulator).
///
/// - `call` sends a CALL and waits for its outcome; CALLs queue so that only one is outstanding (OCPP-J §4.1.1).
/// - `incomingCalls` delivers the peer's CALLs, each checked against the catalog and carrying its responder.
///   Unknown actions are answered `NotImplemented`, actions the peer may not send `NotSupported`, malformed frames
///   with the CALLERROR OCPP-J prescribes, all without bothering the layer above.
/// - Every frame in and out is recorded in the trace; every rule the conversation breaks is a finding.
public actor OCPPSession {
    /// Connection id, station identity, our role, security mode.
    public nonisolated let info: SessionInfo
    /// Mode, catalog, timeout, trace.
    public nonisolated let configuration: SessionConfiguration
    /// The peer's CALLs, in arrival order; ends when the connection closes. At most
    /// `configuration.maximumQueuedIncomingCalls` wait unread; CALLs beyond those are answered InternalError.
    public nonisolated let incomingCalls: AsyncStream<IncomingCall>
    /// Findings as they happen (the newest 1,000 are buffered when nobody reads); ends when the connection closes.
    public nonisolated let findingUpdates: AsyncStream<OCPPFinding>

    let transport: any OCPPTransport
    /// The transport's executor (its I/O thread), else a queue of the session's own.
    private nonisolated let executor: any SerialExecutor
    let incomingContinuation: AsyncStream<IncomingCall>.Continuation
    let findingContinuation: AsyncStream<OCPPFinding>.Continuation
    var checker: ConversationChecker
    /// The findings with their positions, for asking what came since a mark.
    public private(set) var findingLog = FindingLog()
    var closure: TransportClosure?
    var closeWaiters: [(continuation: CheckedContinuation<TransportClosure, Never>, holdsTime: Bool)] = []
    /// The hold taken when the close was handled (``SessionConfiguration/holdsTimeWhenClosed``), not yet taken over.
    var closeHold = false
    var callSlotTaken = false
    var callSlotWaiters: [CheckedContinuation<Void, Never>] = []
    var pending: PendingCall?
    /// The ids of the peer's CALLs delivered above whose answer has not yet been handed to the connection.
    var unansweredIncoming: Set<String> = []
    /// Set once the peer went over ``SessionConfiguration/maximumUnansweredIncomingCalls`` (the close is under way).
    var floodRefused = false
    let messageIdPrefix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    var messageCounter = 0

    /// The CALL we wait on: its continuation, or its outcome when that came before we started waiting.
    struct PendingCall {
        let id: String
        let action: String
        let raw: String
        var continuation: CheckedContinuation<CallOutcome, Never>?
        var outcome: CallOutcome?
    }

    /// Starts a session on `transport`; it reads the transport until it closes, and keeps itself alive until then.
    public init(transport: any OCPPTransport, info: SessionInfo, configuration: SessionConfiguration = SessionConfiguration()) {
        self.transport = transport
        executor = transport.sessionExecutor ?? QueueExecutor(label: "ocpp-session")
        self.info = info
        self.configuration = configuration
        checker = ConversationChecker(validator: PayloadValidator(mode: configuration.mode, catalog: configuration.catalog))
        (incomingCalls, incomingContinuation) = AsyncStream.makeStream(
            of: IncomingCall.self, bufferingPolicy: .bufferingOldest(configuration.maximumQueuedIncomingCalls))
        (findingUpdates, findingContinuation) = AsyncStream.makeStream(of: OCPPFinding.self,
                                                                       bufferingPolicy: .bufferingNewest(1000))
        // Reading the transport is nonisolated work: on an event loop it stays on the loop thread instead of
        // visiting the global pool between the socket and the session.
        Task(executorPreference: (executor as? LoopSerialExecutor)?.loop) { await self.run() }
    }

    /// The side we play.
    nonisolated var role: OCPPRole { info.role }

    /// Where the session's work runs: see ``OCPPTransport/sessionExecutor``.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// The findings so far, in order (the newest ``FindingLog/limit`` of them).
    public var findings: [OCPPFinding] { findingLog.kept }

    /// How the connection ended, `nil` while it is open.
    public var closedBy: TransportClosure? { closure }

    /// Waits until the connection has closed and every frame before the close has been handled. With
    /// `holdingTime`, it returns holding the run's clock (see ``RunClock/holdTime()``; the one taken the moment the
    /// close was handled, with ``SessionConfiguration/holdsTimeWhenClosed``): the caller releases it once it has
    /// acted on the close, so a virtual clock cannot jump past a close nobody has noticed yet.
    public func waitUntilClosed(holdingTime: Bool = false) async -> TransportClosure {
        // Checked inside the continuation's body, which runs without a suspension: entering it is an `await`, at
        // which the session may run other jobs (on an event loop it does), so a close in between must not be missed.
        await withCheckedContinuation { continuation in
            if let closure {
                if holdingTime { takeCloseHold() }
                continuation.resume(returning: closure)
            } else {
                closeWaiters.append((continuation, holdingTime))
            }
        }
    }

    /// Hands the caller the hold taken at the close, or a new one.
    private func takeCloseHold() {
        if closeHold {
            closeHold = false
        } else {
            configuration.clock?.holdTime()
        }
    }

    /// Sends a CALL and waits for its CALLRESULT or CALLERROR, at most `timeout` (default: the configuration's)
    /// after it went out. While another of our CALLs is outstanding, this one waits its turn. With a clock in the
    /// configuration, the timeout is run time, and the call returns holding run time (see
    /// ``RunClock/holdTime()``), taken the moment the outcome came: the caller releases it once it has acted on it.
    /// With `handingOverHold`, the caller holds run time when it calls, and the session releases that hold once the
    /// CALL is on its way (its frame holds time from there on). The payload goes out as given (fault injection needs
    /// that); if it breaks the catalog, that is a finding against our own side.
    public func call(_ action: String, _ payload: JSONValue, timeout: Duration? = nil,
                     handingOverHold: Bool = false) async -> CallOutcome {
        await takeCallSlot()
        defer { releaseCallSlot() }
        guard closure == nil else {
            if !handingOverHold { configuration.clock?.holdTime() }
            return .disconnected
        }
        messageCounter += 1
        let id = "\(messageIdPrefix)-\(messageCounter)"
        let frame = OCPPFrame.call(id: id, action: action, payload: payload)
        let text = frame.text
        pending = PendingCall(id: id, action: action, raw: text)
        note(ParsedFrame(frame: frame), raw: text, from: role)
        do {
            try await transmit(text)
        } catch {
            pending = nil
            checker.expire(callId: id, from: role)
            if !handingOverHold { configuration.clock?.holdTime() }
            return .disconnected
        }
        if handingOverHold { configuration.clock?.releaseTime() }
        let deadline = timeout ?? configuration.defaultTimeout
        let clock = configuration.clock
        let timer = Task { [weak self] in
            do {
                if let clock { try await clock.sleepThenHold(for: deadline) } else { try await Task.sleep(for: deadline) }
            } catch { return }
            await self?.expire(callId: id, after: deadline)
            clock?.releaseTime()
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            if let outcome = pending?.outcome {
                pending = nil
                continuation.resume(returning: outcome)
            } else if pending == nil || closure != nil {
                pending = nil
                configuration.clock?.holdTime()
                continuation.resume(returning: .disconnected)
            } else {
                pending?.continuation = continuation
            }
        }
    }

    /// Sends text exactly as given (for fault injection: malformed frames, wrong ids). It is recorded and, when it is
    /// a valid frame, followed like any other.
    public func send(raw text: String) async throws(SessionError) {
        guard closure == nil else { throw .disconnected }
        do {
            let parsed = try OCPPFrame.parse(text)
            note(parsed, raw: text, from: role)
        } catch {
            recordTrace(direction: .outgoing, sender: role, kind: .malformed, messageId: error.messageId, raw: text,
                        note: error.message)
        }
        do { try await transmit(text) } catch { throw .disconnected }
    }

    /// Closes the connection (WebSocket close code 1000 by default); the run's clock is held meanwhile.
    public func close(code: UInt16 = 1000, reason: String = "") async {
        configuration.clock?.holdTime()
        await transport.close(code: code, reason: reason)
        configuration.clock?.releaseTime()
    }

    /// Sends a text frame, holding the run's clock until the peer's session has handled it (a frame that could not
    /// be sent releases it at once).
    func transmit(_ text: String) async throws {
        configuration.clock?.holdTime()
        do {
            try await transport.send(text)
        } catch {
            configuration.clock?.releaseTime()
            throw error
        }
    }

    // MARK: - Sending answers

    /// Sends our CALLRESULT or CALLERROR for one of the peer's CALLs; returns the check of a CALLRESULT's payload.
    func sendResponse(_ frame: OCPPFrame, action: String) async throws(SessionError) -> ValidationReport {
        defer { unansweredIncoming.remove(frame.id) }
        guard closure == nil else { throw .disconnected }
        let text = frame.text
        let observation = note(ParsedFrame(frame: frame), raw: text, from: role)
        do { try await transmit(text) } catch { throw .disconnected }
        return observation.validation ?? .clean
    }

    /// Answers a CALL the layer above never sees (unknown action, wrong direction, invalid payload).
    func answer(id: String, action: String, _ code: OCPPErrorCode, _ description: String) async {
        _ = try? await sendResponse(.callError(id: id, code: code, description: description, details: [:]), action: action)
    }

    // MARK: - Reading

    func run() async {
        recordTrace(direction: .incoming, sender: role.peer, kind: .opened, raw: "", note: "security: \(info.securityMode)")
        var ending: TransportClosure?
        reading: for await event in transport.events {
            switch event {
            case .text(let raw):
                await receive(raw)
                configuration.clock?.releaseTime()
            case .binary(let bytes): receive(binary: bytes)
            case .closed(let closure):
                ending = closure
                break reading
            }
        }
        finish(ending ?? TransportClosure(code: nil, reason: "the transport ended without a close", wasClean: false))
    }

    func receive(_ raw: String) async {
        let parsed: ParsedFrame
        do {
            parsed = try OCPPFrame.parse(raw, lenient: configuration.mode == .lenient)
        } catch {
            recordTrace(direction: .incoming, sender: role.peer, kind: .malformed, messageId: error.messageId, raw: raw,
                        note: error.message)
            add([checker.observeMalformed(raw: raw, error: error, from: role.peer)])
            if let code = error.replyCode, let id = error.messageId {
                let reply = OCPPFrame.callError(id: id, code: code, description: error.message, details: [:])
                note(ParsedFrame(frame: reply), raw: reply.text, from: role)
                try? await transmit(reply.text)
            }
            return
        }
        let observation = note(parsed, raw: raw, from: role.peer)
        switch parsed.frame {
        case .call(let id, let action, let payload):
            guard let definition = configuration.catalog[action] else {
                await answer(id: id, action: action, .notImplemented, "\(action) is not an OCPP 1.6 action")
                return
            }
            guard definition.direction.canBeInitiated(by: role.peer) else {
                await answer(id: id, action: action, .notSupported,
                             "\(action) is sent by the \(role.displayName), not to it")
                return
            }
            let validation = observation.validation ?? .clean
            if configuration.rejectsInvalidCalls, let first = validation.errors.first {
                await answer(id: id, action: action, first.callErrorCode, first.description)
                return
            }
            let call = IncomingCall(id: id, action: action, payload: payload, validation: validation, raw: raw,
                                    responder: CallResponder(session: self, holding: configuration.clock))
            if case .dropped = incomingContinuation.yield(call) {
                call.releaseTime()
                await answer(id: id, action: action, .internalError,
                             "\(configuration.maximumQueuedIncomingCalls) earlier CALLs still wait to be read; send one CALL at a time (OCPP-J §4.1.1)")
                return
            }
            unansweredIncoming.insert(id)
            if unansweredIncoming.count > configuration.maximumUnansweredIncomingCalls && !floodRefused {
                await refuseFlood(raw: raw, id: id, action: action)
            }
        case .callResult(let id, let payload):
            if observation.answersOutstandingCall, pending?.id == id {
                complete(.result(payload, validation: observation.validation ?? .clean))
            }
        case .callError(let id, let code, let description, let details):
            if observation.answersOutstandingCall, pending?.id == id {
                complete(.error(code: code, description: description, details: details))
            }
        }
    }

    /// The peer has more CALLs unanswered than the limit allows: a finding naming it, and the connection closed.
    func refuseFlood(raw: String, id: String, action: String) async {
        floodRefused = true
        let limit = configuration.maximumUnansweredIncomingCalls
        add([OCPPFinding(.concurrentCall, .error,
                         "\(info.stationIdentity) (connection \(info.connectionId)) has \(unansweredIncoming.count) CALLs waiting for "
                            + "answers, more than the limit of \(limit); the connection was closed (1008). OCPP-J lets a "
                            + "\(role.peer.displayName) send one CALL at a time: make it wait for each answer, or raise the limit "
                            + "(chargecheck run --limit pending-calls=N)",
                         sender: role.peer, messageId: id, action: action, raw: raw)])
        await transport.close(code: 1008, reason: "more than \(limit) CALLs unanswered")
    }

    func receive(binary bytes: [UInt8]) {
        let raw = Data(bytes).base64EncodedString()
        recordTrace(direction: .incoming, sender: role.peer, kind: .binary, raw: raw, note: "\(bytes.count) bytes, base64")
        add([OCPPFinding(.binaryFrame, .error,
                         "the \(role.peer.displayName) sent a binary message of \(bytes.count) bytes; OCPP-J uses text messages only",
                         sender: role.peer, raw: raw)])
    }

    // MARK: - Bookkeeping

    /// Feeds a frame to the checker and the trace; returns what the checker learned.
    @discardableResult
    func note(_ parsed: ParsedFrame, raw: String, from sender: OCPPRole) -> ConversationChecker.Observation {
        let observation = checker.observe(parsed, raw: raw, from: sender)
        recordTrace(direction: sender == role ? .outgoing : .incoming, sender: sender, frame: parsed.frame, raw: raw,
                    action: observation.action, errorCode: parsed.errorCodeSpelling?.received)
        add(observation.findings)
        return observation
    }

    func add(_ findings: [OCPPFinding]) {
        for finding in findings {
            findingLog.append(finding)
            findingContinuation.yield(finding)
        }
    }

    func recordTrace(direction: TraceRecord.Direction, sender: OCPPRole, frame: OCPPFrame, raw: String, action: String?,
                     errorCode: String? = nil) {
        let kind: TraceRecord.Kind
        var code: String?
        switch frame {
        case .call: kind = .call
        case .callResult: kind = .callResult
        case .callError(_, let errorCodeValue, _, _):
            kind = .callError
            code = errorCode ?? errorCodeValue.wireName
        }
        recordTrace(direction: direction, sender: sender, kind: kind, messageId: frame.id, action: action ?? frame.action,
                    payload: frame.payload, errorCode: code, raw: raw)
    }

    func recordTrace(direction: TraceRecord.Direction, sender: OCPPRole, kind: TraceRecord.Kind, messageId: String? = nil,
                     action: String? = nil, payload: JSONValue? = nil, errorCode: String? = nil, raw: String,
                     note: String? = nil) {
        guard let trace = configuration.trace else { return }
        trace.record(TraceRecord(connectionId: info.connectionId, stationIdentity: info.stationIdentity,
                                 direction: direction, sender: sender, kind: kind, messageId: messageId, action: action,
                                 payload: payload, errorCode: errorCode, raw: raw, note: note))
    }

    /// Takes the call slot, waiting for it while another CALL holds it. The slot is looked at inside the
    /// continuation's body: entering `withCheckedContinuation` is an `await` at which the session may run other jobs
    /// (on an event loop it does), and a slot released in between must hand itself to this waiter, not be lost.
    func takeCallSlot() async {
        await withCheckedContinuation { continuation in
            if callSlotTaken {
                callSlotWaiters.append(continuation)
            } else {
                callSlotTaken = true
                continuation.resume()
            }
        }
    }

    /// Hands the slot to the next waiting call, or frees it.
    func releaseCallSlot() {
        if callSlotWaiters.isEmpty {
            callSlotTaken = false
        } else {
            callSlotWaiters.removeFirst().resume()
        }
    }

    /// Ends the pending call with `outcome`, taking the hold on run time that `call` returns with.
    func complete(_ outcome: CallOutcome) {
        guard var call = pending, call.outcome == nil else { return }
        configuration.clock?.holdTime()
        if let continuation = call.continuation {
            pending = nil
            continuation.resume(returning: outcome)
        } else {
            call.outcome = outcome
            pending = call
        }
    }

    func expire(callId id: String, after deadline: Duration) {
        guard pending?.id == id else { return }
        checker.expire(callId: id, from: role)
        // To the millisecond: a deadline scaled from run time is a few nanoseconds off (0.999999659 seconds for 1s).
        let (seconds, attoseconds) = deadline.components
        let shown = Duration.milliseconds(seconds * 1000 + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000)
        add([OCPPFinding(.unansweredCall, .warning,
                         "the \(role.peer.displayName) did not answer \(pending?.action ?? "the CALL") \"\(id)\" within \(shown)",
                         sender: role.peer, messageId: id, action: pending?.action, raw: pending?.raw)])
        complete(.timeout)
    }

    func finish(_ ending: TransportClosure) {
        closure = ending
        if configuration.holdsTimeWhenClosed, let clock = configuration.clock {
            clock.holdTime()
            closeHold = true
        }
        recordTrace(direction: .incoming, sender: role.peer, kind: .closed, raw: "", note: ending.description)
        complete(.disconnected)
        add(checker.finish())
        incomingContinuation.finish()
        findingContinuation.finish()
        for waiter in closeWaiters {
            if waiter.holdsTime { takeCloseHold() }
            waiter.continuation.resume(returning: ending)
        }
        closeWaiters = []
    }
}
