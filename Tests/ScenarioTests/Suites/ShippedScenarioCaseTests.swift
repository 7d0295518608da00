import ChargecheckTesting
import Testing

/// The shipped suites as Swift Testing cases through `ChargecheckTesting`: one case per scenario, each against a
/// fresh emulator at time scale 5. Live-only scenarios and those needing a feature profile the emulator lacks are
/// NOT_APPLICABLE and show as skipped. Pick one out with
/// `CHARGECHECK_SCENARIOS=ocpp16.cold-boot swift test --filter ShippedScenarioCaseTests`.
@Suite("Shipped scenarios, one test case each, against the emulator")
struct ShippedScenarioCaseTests {
    /// Run time five times faster than real time, not virtual: on virtual time a fresh emulator per scenario races
    /// the scenario's first steps in the same run instant (a few scenarios in each run of the 120 failed, a different
    /// few each time); at 5 a heartbeat's 15 s tolerance is still 3 s of real time, and cases run a few at a time.
    static let timeScale = 5.0

    static func run(_ scenario: ScenarioCase) async throws {
        try await scenario.run(against: .emulator(timeScale: Self.timeScale))
    }

    @Test("EV24", arguments: ScenarioFolder.load("../../../scenarios/ev24"))
    func ev24(_ scenario: ScenarioCase) async throws {
        try await Self.run(scenario)
    }

    @Test("OCPP 1.6", arguments: ScenarioFolder.load("../../../scenarios/ocpp16"))
    func ocpp16(_ scenario: ScenarioCase) async throws {
        try await Self.run(scenario)
    }
}
