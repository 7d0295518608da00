import Foundation
public import OCPP
import Scenario

/// Runs a plan against stations: opens the listeners, waits for the stations (or brings the emulator), plays the
/// plan on each station on its own, and gives the ``RunResult``. Cancel the task that runs it to interrupt (Ctrl-C):
/// the steps in progress end as interrupted, what is known is returned.
public struct Runner: Sendable {
    public var plan: RunPlan
    public var options: RunOptions
    /// The listeners to open (for an emulator run, ``LoopbackListeners/configurations``).
    public var listeners: [ListenerConfiguration]
    /// The emulator side, with the loopback PKI it connects with; `nil` for live stations.
    public var emulator: (provider: any StationProvider, loopback: LoopbackListeners)?
    /// Who performs physical acts on live stations (operator prompts, a hook, or nobody).
    public var performer: any ActionPerformer
    public var profile: StationTestProfile
    public var observer: any RunObserver
    /// The run's clock (scaled for `--time-scale`, shared with the emulator).
    public var clock: any RunClock
    /// Records every frame of every station (with the `--trace` file as a sink); each station also keeps its own.
    public var recorder: TraceRecorder
    /// How long an emulator station has to connect (real time).
    public var emulatorConnectTimeout: Duration = .seconds(30)

    public init(plan: RunPlan, options: RunOptions, listeners: [ListenerConfiguration],
                emulator: (provider: any StationProvider, loopback: LoopbackListeners)? = nil,
                performer: any ActionPerformer = NoActionPerformer(), profile: StationTestProfile = StationTestProfile(),
                observer: any RunObserver = SilentObserver(), clock: any RunClock = ScaledClock(),
                recorder: TraceRecorder = TraceRecorder(keepsRecords: false)) {
        self.plan = plan
        self.options = options
        self.listeners = listeners
        self.emulator = emulator
        self.performer = performer
        self.profile = profile
        self.observer = observer
        self.clock = clock
        self.recorder = recorder
    }

    /// The identities the emulator's stations take: `--station-id` (or CP-1), numbered when `--stations` is above 1.
    public static func emulatorIdentities(_ options: RunOptions) -> [String] {
        let base = options.stationIdentity ?? "CP-1"
        let count = max(options.stationCount, 1)
        guard count > 1 else { return [base] }
        let stem = base.hasSuffix("-1") ? String(base.dropLast(2)) : base
        return (1...count).map { "\(stem)-\($0)" }
    }

    public func run() async -> RunResult {
        let started = Date()
        let live = emulator == nil
        var errors: [String] = []
        if live && clock.scale != 1 {
            let option = clock.isVirtual ? "--time-scale max" : "--time-scale"
            errors.append("\(option) works only with the emulator: a live station keeps real time")
            return RunResult(started: started, ended: Date(), options: options, stations: [], errors: errors)
        }
        let mode = options.validationMode
        let runRecorder = recorder
        let clock = self.clock
        let observer = self.observer
        let first = plan.entries.first?.scenario
        let overrides = options.overrides
        let profile = self.profile
        let limits = options.limits
        let traceBudget = TraceBudget(limit: limits.traceRecords, byteLimit: limits.traceMemory)
        let central = CentralSystem(listeners: listeners, stationFilter: options.stationIdentity, limits: limits,
                                    observer: observer) { identity in
            let base = Environment(variables: ["station": .string(identity), "profile": profile.jsonValue], clock: { clock.now })
            return StationChannel(identity: identity, clock: clock, mode: mode,
                                  recorder: TraceRecorder(sinks: [ForwardingTraceSink(recorder: runRecorder)], budget: traceBudget),
                                  defaults: DefaultReplies(now: { clock.now }), observer: observer,
                                  policy: first.map { .opening($0, overrides: overrides, base: base) } ?? AnsweringPolicy(),
                                  limits: limits)
        }
        let urls: [String]
        do {
            urls = try await central.start()
        } catch {
            return RunResult(started: started, ended: Date(), options: options, stations: [], errors: ["\(error)"])
        }
        let arrivals = ArrivalQueue()
        let feeder = Task {
            for await channel in central.arrivals { await arrivals.add(channel) }
        }
        let wanted = live ? max(options.stationCount, 1) : Self.emulatorIdentities(options).count
        observer.handle(.waitingForStations(urls: urls, count: wanted, wait: live ? options.wait : emulatorConnectTimeout))
        if let emulator {
            for identity in Self.emulatorIdentities(options) {
                let mode = plan.entries.first?.scenario.metadata.requirements.security ?? .ws
                if let problem = await connect(emulator, identity: identity, mode: mode, central: central) {
                    errors.append(problem)
                }
            }
        }
        let waitBound = live ? options.wait : emulatorConnectTimeout
        await awaitStations(arrivals, count: wanted, within: waitBound)
        let initial = await arrivals.channels
        if initial.count < wanted {
            let bound = waitBound.map { " within \(DurationText.format($0))" } ?? ""
            errors.append(initial.isEmpty
                ? "no station connected\(bound); stations connect to \(urls.map { $0 + "<identity>" }.joined(separator: " or "))"
                : "only \(initial.count) of \(wanted) stations connected\(bound)")
        }
        var stations: [StationResult] = []
        var notes: [String] = []
        if !initial.isEmpty {
            stations = await runStations(arrivals, initialCount: initial.count, central: central)
        }
        for channel in await arrivals.channels where await channel.droppedCalls > 0 {
            notes.append("\(channel.identity): \(await channel.droppedCalls) CALLs no step took were dropped from its mailbox "
                + "(it keeps \(limits.mailbox) events, --limit mailbox=N); they were answered and are in the trace")
        }
        for channel in await arrivals.channels where await channel.droppedFindings > 0 {
            notes.append("\(channel.identity): \(await channel.droppedFindings) older protocol findings are not in the report "
                + "(a connection keeps its newest \(FindingLog.limit)); the trace has every frame")
        }
        if initial.count < wanted, let reason = errors.last {
            stations += (initial.count..<wanted).map { missingStation(number: $0 + 1, reason: reason) }
        }
        feeder.cancel()
        await central.shutdown()
        await emulator?.provider.stop()
        let rejections = await central.rejections
        let unlisted = await central.unlistedRejections
        if unlisted > 0 {
            notes.append("\(unlisted) more handshake(s) were refused than the \(CentralSystem.listedRejections) listed (each is on the console)")
        }
        if traceBudget.droppedRecords > 0 {
            let limit = traceBudget.reachedByteLimit
                ? "\(traceBudget.byteLimit) bytes (--limit trace-memory=N)" : "\(traceBudget.limit) records (--limit trace-records=N)"
            notes.append("the traces kept for the reports reached their limit of \(limit); "
                + "\(traceBudget.droppedRecords) later records are not in the reports, "
                + (options.tracePath.map { "the trace file \($0) has them all" } ?? "record them all with --trace FILE"))
        }
        let result = RunResult(started: started, ended: Date(), options: options, stations: stations, errors: errors,
                               handshakeRejections: rejections, interrupted: Task.isCancelled, notes: notes)
        observer.handle(.runFinished(result))
        return result
    }

    /// A station that was expected and never came: every planned scenario ERROR with the reason, so that reports
    /// (a CI system reading JUnit) see the failure.
    func missingStation(number: Int, reason: String) -> StationResult {
        let now = Date()
        let identity = options.stationIdentity ?? "station \(number) (not connected)"
        let scenarios = plan.entries.map { entry in
            let metadata = entry.scenario.metadata
            return ScenarioResult(id: metadata.id, name: metadata.name, file: entry.scenario.file, location: entry.scenario.location,
                                  tags: metadata.tags, description: metadata.description, suiteId: entry.suite?.id,
                                  verdict: .error, reason: reason, expectedFailure: metadata.expectedFailure,
                                  requiredMode: metadata.requirements.security, started: now, ended: now)
        }
        return StationResult(identity: identity, scenarios: scenarios)
    }

    /// Waits until `count` stations arrived, or the bound passes (no bound: until cancelled).
    func awaitStations(_ arrivals: ArrivalQueue, count: Int, within bound: Duration?) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var seen = await arrivals.channels.count
                while seen < count && !Task.isCancelled {
                    await arrivals.waitForMore(than: seen)
                    seen = await arrivals.channels.count
                }
            }
            if let bound {
                group.addTask { try? await Task.sleep(for: bound) }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Plays the plan on every station: those already there, and any that arrives while others still run.
    func runStations(_ arrivals: ArrivalQueue, initialCount: Int, central: CentralSystem) async -> [StationResult] {
        enum Outcome: Sendable {
            case station(Int, StationResult)
            case arrival
        }
        return await withTaskGroup(of: Outcome.self) { group in
            var started = 0
            var running = 0
            var results: [(Int, StationResult)] = []
            func start(_ channel: StationChannel) {
                let order = started
                started += 1
                running += 1
                let runner = stationRunner(for: channel, central: central)
                let clock = self.clock
                // The station's scenarios hold run time while they compute; their waits let it pass.
                group.addTask { .station(order, await clock.holdingTime { await runner.run() }) }
            }
            for channel in await arrivals.channels.prefix(initialCount) { start(channel) }
            let watch = { @Sendable (count: Int) async -> Outcome in
                await arrivals.waitForMore(than: count)
                return .arrival
            }
            group.addTask { await watch(initialCount) }
            while running > 0, let outcome = await group.next() {
                switch outcome {
                case .station(let order, let result):
                    results.append((order, result))
                    running -= 1
                case .arrival:
                    let channels = await arrivals.channels
                    guard !Task.isCancelled, channels.count > started else { continue }
                    for channel in channels.dropFirst(started) { start(channel) }
                    let count = started
                    group.addTask { await watch(count) }
                }
            }
            group.cancelAll()
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    func stationRunner(for channel: StationChannel, central: CentralSystem) -> StationRunner {
        let performer = emulator?.provider.performer ?? self.performer
        let context = InterpreterContext(channel: channel, clock: clock, validator: PayloadValidator(mode: options.validationMode),
                                         performer: performer, observer: observer,
                                         profile: profile, live: emulator == nil)
        var switchMode: (@Sendable (SecurityMode) async -> String?)?
        if let emulator {
            let timeout = emulatorConnectTimeout
            switchMode = { mode in
                if let problem = await connect(emulator, identity: channel.identity, mode: mode, central: central) { return problem }
                let deadline = ContinuousClock.now + timeout
                while ContinuousClock.now < deadline && !Task.isCancelled {
                    if await channel.isConnected, await channel.currentMode == mode { return nil }
                    let seen = await channel.mark
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask { await channel.waitForEvent(after: seen) }
                        group.addTask { try? await Task.sleep(until: deadline, clock: .continuous) }
                        await group.next()
                        group.cancelAll()
                    }
                }
                return "the emulator did not connect in \(mode.rawValue) within \(DurationText.format(timeout))"
            }
        }
        return StationRunner(plan: plan, context: context, options: options, switchMode: switchMode)
    }

    /// Asks the emulator to connect `identity` in `mode`; returns why it could not.
    func connect(_ emulator: (provider: any StationProvider, loopback: LoopbackListeners), identity: String, mode: SecurityMode,
                 central: CentralSystem) async -> String? {
        guard let url = await central.url(for: mode) else { return "no listener serves \(mode.rawValue)" }
        let endpoint = emulator.loopback.endpoint(identity: identity, mode: mode, listenerURL: url)
        do {
            try await emulator.provider.connect(identity: identity, endpoint: endpoint)
            return nil
        } catch {
            return "the emulator could not connect \(identity) in \(mode.rawValue): \(error)"
        }
    }
}
