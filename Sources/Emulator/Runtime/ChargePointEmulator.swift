import Foundation
import OCPP
import WebSocket

/// An emulated OCPP 1.6 charge point connected to a central system over a real WebSocket.
///
/// The station's behaviour lives in a state machine with no I/O; this actor connects it to the world: it opens the
/// connection (with reconnects and backoff), sends the CALLs the station queues one at a time, answers the central
/// system's CALLs, runs the station's timers on the configured `RunClock`, and carries out physical actions.
///
/// ```swift
/// let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
///     identity: "CP-1", centralSystemURL: "ws://127.0.0.1:9000/ocpp"))
/// await emulator.start()
/// try await emulator.perform(.plug(connector: 1))
/// try await emulator.perform(.presentIdTag("TAG-1", connector: 1))
/// await emulator.stop()
/// ```
public actor ChargePointEmulator {
    public nonisolated let configuration: EmulatorConfiguration
    /// Everything the station does, in order; finishes when the emulator stops. One consumer.
    public nonisolated let events: AsyncStream<EmulatorEvent>
    private let eventSink: AsyncStream<EmulatorEvent>.Continuation

    private var model: StationModel
    private var timers: [StationTimer: (token: Int, task: Task<Void, Never>)] = [:]
    private var nextToken = 0
    private var connectTask: Task<Void, Never>?
    private var link: Link?
    private var generation = 0
    private var isPumping = false
    /// A connection attempt is under way (a second one would race it).
    private var isConnecting = false
    /// Answers to the central system being sent: the station's own CALLs wait for them (a triggered message must
    /// follow the answer to TriggerMessage).
    private var answering = 0
    private var isStarted = false
    private var isStopped = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []
    private var stateWaiters: [Int: StateWaiter] = [:]
    /// What the station has done so far.
    public private(set) var statistics = EmulatorStatistics()

    /// One open connection.
    private struct Link {
        let generation: Int
        let session: OCPPSession
        let transport: OrderedTransport
    }

    private struct StateWaiter {
        let condition: @Sendable (StationSnapshot) -> Bool
        let continuation: CheckedContinuation<Bool, Never>
    }

    /// An emulator for `configuration`; nothing happens until `start()`.
    public init(configuration: EmulatorConfiguration) {
        self.configuration = configuration
        model = StationModel(identity: configuration.identity, profile: configuration.profile, faults: configuration.faults)
        (events, eventSink) = AsyncStream.makeStream(of: EmulatorEvent.self, bufferingPolicy: .bufferingNewest(10_000))
    }

    private var now: Date { configuration.clock.now }

    /// What the station looks like now.
    public var snapshot: StationSnapshot { model.snapshot }

    // MARK: Running

    /// Switches the station on: it connects, boots and runs until `stop()`. Calling it again does nothing.
    public func start() {
        guard !isStarted, !isStopped else { return }
        isStarted = true
        model.powerOn(now)
        settle()
    }

    /// Starts the station and returns when it is stopped.
    public func run() async {
        start()
        guard !isStopped else { return }
        await withCheckedContinuation { stopWaiters.append($0) }
    }

    /// Stops the station for good: timers end, the connection closes (code 1000), `events` finishes.
    public func stop() async {
        guard !isStopped else { return }
        isStopped = true
        for timer in timers.values { timer.task.cancel() }
        timers.removeAll()
        connectTask?.cancel()
        let closing = link
        link = nil
        if let closing { await closing.session.close(code: 1000, reason: "emulator stopped") }
        eventSink.yield(.stopped)
        eventSink.finish()
        for waiter in stopWaiters { waiter.resume() }
        stopWaiters.removeAll()
        for waiter in stateWaiters.values { waiter.continuation.resume(returning: false) }
        stateWaiters.removeAll()
    }

    /// Carries out a physical action; throws when it makes no physical sense (no such connector, no cable to pull).
    public func perform(_ action: PhysicalAction) async throws(PhysicalActionError) {
        try model.perform(action, now: now)
        eventSink.yield(.performed(action))
        settle()
    }

    /// The fault profiles active now (initially the configuration's).
    public var faults: Set<FaultProfile> { model.faults }

    /// Replaces the active fault profiles, e.g. for one scenario; takes effect with the next message.
    public func setFaults(_ faults: Set<FaultProfile>) {
        model.faults = faults
    }

    /// Waits until `condition` holds for the station's state, at most `timeout` of real time; whether it did.
    public func waitUntil(timeout: Duration, _ condition: @escaping @Sendable (StationSnapshot) -> Bool) async -> Bool {
        if condition(model.snapshot) { return true }
        guard !isStopped else { return false }
        nextToken += 1
        let token = nextToken
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expireStateWaiter(token)
        }
        let result = await withCheckedContinuation { continuation in
            stateWaiters[token] = StateWaiter(condition: condition, continuation: continuation)
        }
        timer.cancel()
        return result
    }

    private func expireStateWaiter(_ token: Int) {
        stateWaiters.removeValue(forKey: token)?.continuation.resume(returning: false)
    }

    private func notifyStateWaiters() {
        guard !stateWaiters.isEmpty else { return }
        let state = model.snapshot
        for (token, waiter) in stateWaiters where waiter.condition(state) {
            stateWaiters.removeValue(forKey: token)
            waiter.continuation.resume(returning: true)
        }
    }

    // MARK: Effects

    /// Carries out what the model asked for, tells waiters, and lets queued CALLs go.
    private func settle() {
        performEffects()
        notifyStateWaiters()
        pumpIfIdle()
    }

    private func performEffects() {
        for effect in model.drainEffects() {
            switch effect {
            case .startTimer(let timer, let delay): startTimer(timer, after: delay)
            case .cancelTimer(let timer): timers.removeValue(forKey: timer)?.task.cancel()
            case .connect(let delay): scheduleConnection(after: delay)
            case .disconnect(let abrupt):
                guard let session = link?.session else { continue }
                // Holds run time until the close handshake is over, so a virtual clock cannot jump past it.
                let clock = configuration.clock
                clock.holdTime()
                Task {
                    await session.close(code: abrupt ? 1001 : 1000, reason: abrupt ? "connection dropped" : "rebooting")
                    clock.releaseTime()
                }
            }
        }
    }

    private func startTimer(_ timer: StationTimer, after delay: Duration) {
        guard !isStopped else { return }
        timers[timer]?.task.cancel()
        nextToken += 1
        let token = nextToken
        let clock = configuration.clock
        let task = Task { [weak self] in
            // Wakes holding run time until the station has reacted (a virtual clock stays put meanwhile).
            do { try await clock.sleepThenHold(for: delay) } catch { return }
            await self?.timerExpired(timer, token: token)
            clock.releaseTime()
        }
        timers[timer] = (token, task)
    }

    private func timerExpired(_ timer: StationTimer, token: Int) {
        guard timers[timer]?.token == token else { return }
        timers[timer] = nil
        model.timerFired(timer, now: now)
        settle()
    }

    // MARK: Connection

    private func scheduleConnection(after delay: Duration) {
        guard !isStopped else { return }
        connectTask?.cancel()
        let clock = configuration.clock
        connectTask = Task { [weak self] in
            do { try await clock.sleepThenHold(for: delay) } catch { return }
            await self?.connect()
            clock.releaseTime()
        }
    }

    private var clientConfiguration: WebSocketClient.Configuration {
        let security = configuration.security
        let pingSeconds = model.configuration.integer(.webSocketPingInterval)
        return WebSocketClient.Configuration(
            subprotocols: ["ocpp1.6"],
            basicAuth: security.basicAuthPassword.map { .init(username: configuration.identity, password: $0) },
            tls: TLSClientConfiguration(caFile: security.caFile, verifyHostname: !security.insecure, insecure: security.insecure,
                                        certificatePath: security.clientCertificate, privateKeyPath: security.clientKey),
            pingInterval: pingSeconds > 0 ? configuration.clock.realDuration(of: .seconds(pingSeconds)) : nil)
    }

    private var securityDescription: String {
        let security = configuration.security
        guard configuration.centralSystemURL.lowercased().hasPrefix("wss") else {
            return security.basicAuthPassword == nil ? "ws" : "ws (Basic Auth)"
        }
        if security.clientCertificate != nil { return "wss (client certificate)" }
        return security.basicAuthPassword == nil ? "wss (server certificate)" : "wss (server certificate, Basic Auth)"
    }

    private func connect() async {
        guard !isStopped, !isConnecting, model.isPowered, link == nil else { return }
        let url = configuration.stationURL
        eventSink.yield(.connecting(url: url))
        guard model.isNetworkUp else {
            statistics.connectFailures += 1
            eventSink.yield(.connectFailed(reason: "the station's network is down"))
            model.connectionLost(now)
            settle()
            return
        }
        let connection: WebSocketConnection
        isConnecting = true
        // Run time stands still while the connection opens (a virtual clock would otherwise jump past it).
        let clock = configuration.clock
        clock.holdTime()
        defer { clock.releaseTime() }
        do {
            connection = try await WebSocketClient.connect(to: url, configuration: clientConfiguration)
            isConnecting = false
        } catch {
            isConnecting = false
            statistics.connectFailures += 1
            eventSink.yield(.connectFailed(reason: String(describing: error)))
            model.connectionLost(now)
            settle()
            return
        }
        guard !isStopped, model.isPowered, link == nil else {
            await connection.close(code: 1000, reason: "not needed any more")
            return
        }
        generation += 1
        let current = generation
        let transport = OrderedTransport(connection)
        let session = OCPPSession(
            transport: transport,
            info: SessionInfo(connectionId: "\(configuration.identity)#\(current)", stationIdentity: configuration.identity,
                              role: .chargePoint, securityMode: securityDescription),
            configuration: SessionConfiguration(mode: .strict, defaultTimeout: configuration.callTimeout,
                                                clock: configuration.clock, rejectsInvalidCalls: true,
                                                trace: configuration.trace))
        link = Link(generation: current, session: session, transport: transport)
        statistics.connections += 1
        Task { [weak self] in
            for await call in session.incomingCalls {
                await self?.answer(call, generation: current)
            }
        }
        Task { [weak self] in
            let closure = await session.waitUntilClosed()
            await self?.connectionClosed(generation: current, closure: closure)
        }
        eventSink.yield(.connected)
        model.connectionOpened(now)
        settle()
    }

    private func connectionClosed(generation closed: Int, closure: TransportClosure) {
        guard link?.generation == closed else { return }
        link = nil
        eventSink.yield(.disconnected(reason: closure.description))
        model.connectionLost(now)
        settle()
    }

    // MARK: Messages

    /// Answers a central system CALL; under `late-answers` the answer goes out only after the profile's delay.
    private func answer(_ call: IncomingCall, generation current: Int) async {
        guard link?.generation == current else { return call.releaseTime() }
        statistics.received[call.action, default: 0] += 1
        eventSink.yield(.received(action: call.action, payload: call.payload))
        let outcome = model.handle(action: call.action, payload: call.payload, now: now)
        performEffects()
        notifyStateWaiters()
        if model.faults.contains(.answerLate) {
            call.releaseTime()
            let delay = Duration.seconds(configuration.profile.lateAnswerSeconds)
            let clock = configuration.clock
            Task { [weak self] in
                do { try await clock.sleepThenHold(for: delay) } catch { return }
                await self?.send(outcome, to: call)
                clock.releaseTime()
            }
            pumpIfIdle()
            return
        }
        answering += 1
        await send(outcome, to: call)
        answering -= 1
        pumpIfIdle()
    }

    private func send(_ outcome: IncomingCallOutcome, to call: IncomingCall) async {
        switch outcome {
        case .result(let payload):
            _ = try? await call.respond(payload)
        case .error(let code, let description):
            try? await call.respondError(OCPPErrorCode.parse(code).code, description: description)
        }
        eventSink.yield(.responded(action: call.action, outcome: outcome))
    }

    /// Starts sending queued CALLs unless that is already going on or an answer is being sent.
    private func pumpIfIdle() {
        guard !isPumping, answering == 0, let link else { return }
        isPumping = true
        // Run time stands still until the pump has sent what is queued (released in `pump`).
        let clock = configuration.clock
        clock.holdTime()
        Task { [weak self] in
            guard let self else { return clock.releaseTime() }
            await self.pump(generation: link.generation)
        }
    }

    /// Sends the station's CALLs one at a time, each after the previous one's answer, while the connection lasts.
    /// Entered holding run time (``pumpIfIdle()``); hands the hold to the session with each CALL (which returns
    /// holding it again once the answer came), and releases it when done.
    private func pump(generation current: Int) async {
        let clock = configuration.clock
        defer {
            isPumping = false
            clock.releaseTime()
        }
        while answering == 0, let link, link.generation == current, let call = model.nextCall(now) {
            let session = link.session
            statistics.sent[call.action, default: 0] += 1
            eventSink.yield(.sent(action: call.action, payload: call.payload))
            let outcome = await session.call(call.action, call.payload, timeout: configuration.callTimeout,
                                             handingOverHold: true)
            switch outcome {
            case .result(let payload, _):
                eventSink.yield(.answered(action: call.action, result: payload, failure: nil))
                model.callAnswered(call.id, payload: payload, now: now)
            case .error(let code, let description, _):
                statistics.failedCalls += 1
                eventSink.yield(.answered(action: call.action, result: nil, failure: "CALLERROR \(code.wireName): \(description)"))
                model.callFailed(call.id, .callError(code: code.wireName), now: now)
            case .timeout:
                statistics.failedCalls += 1
                eventSink.yield(.answered(action: call.action, result: nil, failure: "no answer in time"))
                model.callFailed(call.id, .timeout, now: now)
            case .disconnected:
                statistics.failedCalls += 1
                eventSink.yield(.answered(action: call.action, result: nil, failure: "connection lost"))
                model.callFailed(call.id, .connectionLost, now: now)
            }
            link.transport.answerHandled()
            performEffects()
            notifyStateWaiters()
        }
    }
}
