import ChargecheckTesting
import Testing

/// Every scenario in Scenarios/ against the built-in emulator, one test case each (`swift test` lists them by
/// scenario name). Against a real station, run the same cases with
/// `.station(listen: "ws://0.0.0.0:9000/ocpp")` and connect the station to this machine.
@Test("Station scenarios against the emulator", arguments: ScenarioFolder.load("../../Scenarios"))
func stationScenario(_ scenario: ScenarioCase) async throws {
    try await scenario.run(against: .emulator())
}
