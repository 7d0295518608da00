import Foundation
import Emulator
import OCPP
@testable import Runner
import Scenario
import Testing

/// Runs scenario files (given as text) against scripted stations over the runner's real loopback listeners.
struct Harness {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// Loads the files, which must be free of errors.
    func load(_ files: [String: String]) throws -> LoadResult {
        for (name, text) in files { try directory.write("scenarios/" + name, text) }
        let loaded = ScenarioLoader().load(paths: [directory.path + "/scenarios"])
        try #require(!loaded.hasErrors, "scenario files have errors: \(loaded.errors)")
        return loaded
    }

    /// Runs them with the emulator seam played by scripted stations.
    func run(_ files: [String: String], behaviour: StationBehaviour = StationBehaviour(), options: RunOptions = RunOptions(),
             profile: StationTestProfile = StationTestProfile(), clock: any RunClock = ScaledClock(),
             observer: any RunObserver = SilentObserver(), seconds: Double = 60) async throws -> RunResult {
        let loaded = try load(files)
        let plan = RunPlan(loaded: loaded, only: options.only, skip: options.skip, tags: options.tags)
        let loopback = try LoopbackListeners(directory: directory.path + "/pki", stations: Runner.emulatorIdentities(options))
        let provider = ScriptedProvider(behaviour: behaviour)
        let runner = Runner(plan: plan, options: options, listeners: loopback.configurations,
                            emulator: (provider, loopback), profile: profile, observer: observer, clock: clock)
        return try await within(seconds, "the run to finish") { await runner.run() }
    }

    func remove() { directory.remove() }
}

extension RunResult {
    /// The only station's scenario results.
    var scenarios: [ScenarioResult] { stations.first?.scenarios ?? [] }

    /// The scenario with this id.
    func scenario(_ id: String) -> ScenarioResult? { scenarios.first { $0.id == id } }
}

extension Harness {
    /// Runs them against the built-in emulator (misbehaving as `faults` say) over the loopback listeners; a
    /// `timeScale` of `infinity` runs on a ``VirtualClock`` (`--time-scale max`).
    func runEmulator(_ files: [String: String], faults: Set<FaultProfile> = [], timeScale: Double = 1,
                     options: RunOptions = RunOptions(), seconds: Double = 90) async throws -> RunResult {
        let loaded = try load(files)
        var options = options
        options.timeScale = timeScale
        let clock: any RunClock = timeScale.isFinite ? ScaledClock(scale: timeScale) : VirtualClock()
        let loopback = try LoopbackListeners(directory: directory.path + "/pki", stations: Runner.emulatorIdentities(options))
        let runner = Runner(plan: RunPlan(loaded: loaded), options: options, listeners: loopback.configurations,
                            emulator: (EmulatorProvider(clock: clock, faults: faults), loopback), clock: clock)
        return try await within(seconds, "the emulator run to finish") { await runner.run() }
    }
}
