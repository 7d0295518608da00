import ChargecheckTesting
import Emulator
import Runner
import Scenario

/// Runs a shipped suite through the runner against the built-in emulator (real loopback WebSockets in every security
/// mode, time scaled), bounded in real time.
enum ShippedSuiteRun {
    /// Run time passes this many times faster than real time: the five-minute connection holds take a minute, and the
    /// tightest timing window of the suite (a heartbeat's 15 s tolerance) stays 3 s of real time, which a 2-core
    /// machine running thirteen suite runs at once still keeps (at 10, heartbeats came late there).
    static let timeScale = 5.0

    /// Runs `suiteFile` with the emulator misbehaving as `faults` say; fails after `seconds` of real time.
    static func run(_ suiteFile: String, faults: Set<FaultProfile>, seconds: Int = 600) async throws -> RunResult {
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
