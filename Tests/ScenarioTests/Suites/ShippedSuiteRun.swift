import Emulator
import Foundation
import OCPP
import Runner
import Scenario

/// Runs a shipped suite through the runner against the built-in emulator (real loopback WebSockets in every security
/// mode, virtual run time as `--time-scale max`), bounded in real time.
enum ShippedSuiteRun {
    /// Run time jumps from deadline to deadline whenever runner and emulator both wait (a ``VirtualClock``): the
    /// five-minute connection holds take milliseconds, and no timing window depends on how busy the machine is,
    /// however many suite runs share it.
    static let timeScale = Double.infinity
    /// The emulator's feature profiles, as a station profile tells the runner (no Security: those scenarios are
    /// NOT_APPLICABLE).
    static let emulatorProfile = StationTestProfile(
        connectors: 2, fixedCable: false,
        featureProfiles: Emulator.StationProfile().supportedFeatureProfiles)

    struct TimedOut: Error, CustomStringConvertible {
        var description: String { "the suite run did not finish in time" }
    }

    /// Runs `suiteFile` with the emulator misbehaving as `faults` say; fails after `seconds` of real time.
    static func run(_ suiteFile: String, faults: Set<FaultProfile>, seconds: Double = 120) async throws -> RunResult {
        let loaded = ScenarioLoader().load(paths: [suiteFile])
        guard !loaded.hasErrors else { throw LoadFailed(diagnostics: loaded.errors.map(\.description)) }
        let options = RunOptions(timeScale: timeScale)
        let folder = NSTemporaryDirectory() + "chargecheck-suite-run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loopback = try LoopbackListeners(directory: folder + "/pki", stations: Runner.emulatorIdentities(options))
        let clock = VirtualClock()
        let provider = EmulatorProvider(clock: clock, faults: faults)
        let runner = Runner(plan: RunPlan(loaded: loaded), options: options, listeners: loopback.configurations,
                            emulator: (provider, loopback), performer: provider.performer, profile: emulatorProfile, clock: clock)
        return try await withThrowingTaskGroup(of: RunResult.self) { group in
            group.addTask { await runner.run() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw TimedOut()
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() else { throw TimedOut() }
            return result
        }
    }

    struct LoadFailed: Error { let diagnostics: [String] }
}

extension RunResult {
    /// The scenario results of the only station.
    var scenarioResults: [ScenarioResult] { stations.first?.scenarios ?? [] }

    /// One line per scenario that did not pass, for failure messages.
    var summary: String {
        scenarioResults.map { "\($0.id): \($0.verdict.rawValue) \($0.reason ?? "")" }.joined(separator: "\n")
    }
}
