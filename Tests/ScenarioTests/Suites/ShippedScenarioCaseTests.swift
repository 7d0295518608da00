import ChargecheckTesting
import Testing

/// The shipped suites as Swift Testing cases through `ChargecheckTesting`: one case per scenario, each against a
/// fresh emulator. Live-only scenarios and those needing a feature profile the emulator lacks are NOT_APPLICABLE and
/// show as skipped. Pick one out with `CHARGECHECK_SCENARIOS=ocpp16.cold-boot swift test --filter ShippedScenarioCaseTests`.
@Suite("Shipped scenarios, one test case each, against the emulator")
struct ShippedScenarioCaseTests {
    @Test("EV24", arguments: ScenarioFolder.load("../../../scenarios/ev24"))
    func ev24(_ scenario: ScenarioCase) async throws {
        try await scenario.run(against: .emulator(timeScale: ShippedSuiteRun.timeScale))
    }

    @Test("OCPP 1.6", arguments: ScenarioFolder.load("../../../scenarios/ocpp16"))
    func ocpp16(_ scenario: ScenarioCase) async throws {
        try await scenario.run(against: .emulator(timeScale: ShippedSuiteRun.timeScale))
    }
}
