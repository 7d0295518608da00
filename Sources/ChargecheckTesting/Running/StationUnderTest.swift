public import Emulator
import Foundation
import OCPP
public import Runner
public import WebSocket

/// What a scenario runs against: the built-in emulator in-process, or a live station that connects to a listener.
public enum StationUnderTest: Sendable {
    /// The built-in emulator over real loopback WebSockets in every security mode (certificates made on the fly),
    /// misbehaving as `faults` say, its run time passing `timeScale` times faster than real time: at 5 (the default)
    /// a heartbeat's 15 s tolerance is 3 s of real time, which a busy 2-core machine keeps. `.infinity` runs on
    /// virtual time (as `--time-scale max`: run time jumps to the next deadline whenever runner and emulator both
    /// wait), far faster; but with a fresh emulator per case, a scenario whose first steps race the emulator's boot in
    /// the same run instant fails now and then.
    case emulator(timeScale: Double = 5, faults: Set<FaultProfile> = [])
    /// A live station connecting to `listen` (`ws://0.0.0.0:9000/ocpp`; `wss://` with `tls`), waited for `wait`
    /// (real time), described by `profile`; physical acts go to `performer` (none: such scenarios are SKIPPED).
    case station(listen: String, tls: TLSServerConfiguration? = nil, wait: Duration = .seconds(60),
                 profile: StationTestProfile = StationTestProfile(), performer: any ActionPerformer = NoActionPerformer())

    /// Runs `plan` against this station and gives what the runner found; throws ``ScenarioRunTimeout`` when it does not
    /// finish within `limit` of real time, and when the run cannot start (a bad listener URL, no temporary directory
    /// for the emulator's certificates).
    public func run(_ plan: RunPlan, within limit: Duration) async throws -> RunResult {
        try await withThrowingTaskGroup(of: RunResult.self) { group in
            group.addTask { try await run(plan) }
            group.addTask {
                try await Task.sleep(for: limit)
                throw ScenarioRunTimeout(limit: limit)
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() else { throw ScenarioRunTimeout(limit: limit) }
            return result
        }
    }

    /// Runs `plan` without a time limit (a live station with no `wait` bound can take for ever).
    public func run(_ plan: RunPlan) async throws -> RunResult {
        switch self {
        case .emulator(let timeScale, let faults):
            return try await Self.runEmulator(plan, timeScale: timeScale, faults: faults)
        case .station(let listen, let tls, let wait, let profile, let performer):
            var listener = try ListenerConfiguration.parse(listen)
            listener.tls = tls
            let options = RunOptions(stationSource: .live(listeners: [listen]), wait: wait)
            return await Runner(plan: plan, options: options, listeners: [listener], performer: performer,
                                profile: profile).run()
        }
    }

    /// The gate its runs as test cases pass: a few emulator runs at once, one live-station run at a time.
    var slots: ScenarioRunSlots {
        switch self {
        case .emulator: .emulator
        case .station: .station
        }
    }

    /// The emulator's run: loopback listeners with a throwaway PKI in a fresh temporary directory (removed after),
    /// the station profile telling the runner what the emulator supports.
    static func runEmulator(_ plan: RunPlan, timeScale: Double, faults: Set<FaultProfile>) async throws -> RunResult {
        let options = RunOptions(timeScale: timeScale)
        let directory = NSTemporaryDirectory() + "chargecheck-testing-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let loopback = try LoopbackListeners(directory: directory, stations: Runner.emulatorIdentities(options))
        let emulatorProfile = Emulator.StationProfile()
        let profile = StationTestProfile(connectors: emulatorProfile.connectorCount, fixedCable: false,
                                         featureProfiles: emulatorProfile.supportedFeatureProfiles)
        let clock: any RunClock = timeScale.isFinite ? ScaledClock(scale: timeScale) : VirtualClock()
        let provider = EmulatorProvider(clock: clock, profile: emulatorProfile, faults: faults)
        return await Runner(plan: plan, options: options, listeners: loopback.configurations, emulator: (provider, loopback),
                            performer: provider.performer, profile: profile, clock: clock).run()
    }
}
