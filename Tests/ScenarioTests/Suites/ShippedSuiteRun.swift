import ChargecheckTesting
import Emulator
import Runner
import Scenario

/// Runs a shipped suite through the runner against the built-in emulator (real loopback WebSockets in every security
/// mode, virtual run time as `--time-scale max`), bounded in real time.
enum ShippedSuiteRun {
    /// Run time jumps from deadline to deadline whenever runner and emulator both wait (a ``VirtualClock``): the
    /// five-minute connection holds take milliseconds, and no timing window depends on how busy the machine is,
    /// however many suite runs share it.
    static let timeScale = Double.infinity

    /// Runs `suiteFile` with the emulator misbehaving as `faults` say; fails after `seconds` of real time.
    static func run(_ suiteFile: String, faults: Set<FaultProfile>, seconds: Int = 120) async throws -> RunResult {
        let loaded = ScenarioLoader().load(paths: [suiteFile])
        guard !loaded.hasErrors else { throw LoadFailed(diagnostics: loaded.errors.map(\.description)) }
        return try await StationUnderTest.emulator(timeScale: timeScale, faults: faults)
            .run(RunPlan(loaded: loaded), within: .seconds(seconds))
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
