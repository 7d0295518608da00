import Foundation
import OCPP
import Testing
import WebSocket
@testable import Emulator

/// How long a live test waits, in real time, for what the station or the central system does. Generous, since a
/// bound only matters when the test fails: under ThreadSanitizer, with the whole suite running beside it on two cores,
/// a boot and a firmware update that take a second alone each once took longer than the 30 s these waits had.
let livePatience: Duration = .seconds(120)

/// Runs `body` with an emulated station connected to a fresh central system harness, and tears both down after.
/// Time runs 60 times faster than real time: a one-minute heartbeat comes every second.
func withLiveStation(identity: String = "CP-1", security: EmulatorSecurity = .none, faults: Set<FaultProfile> = [],
                     profile: StationProfile = StationProfile(), tls: TLSServerConfiguration? = nil,
                     basicAuth: BasicAuthConfiguration? = nil, heartbeatInterval: Int = 60,
                     _ body: (ChargePointEmulator, CentralSystemHarness) async throws -> Void) async throws {
    let centralSystem = try await CentralSystemHarness.start(tls: tls, basicAuth: basicAuth, heartbeatInterval: heartbeatInterval)
    let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
        identity: identity, centralSystemURL: centralSystem.url, security: security, profile: profile, faults: faults,
        clock: ScaledClock(scale: 60), callTimeout: .seconds(600)))
    await emulator.start()
    do {
        try await body(emulator, centralSystem)
    } catch {
        await emulator.stop()
        await centralSystem.shutdown()
        throw error
    }
    await emulator.stop()
    await centralSystem.shutdown()
}

/// Waits for the station's boot and the status of every connector.
func expectBooted(_ centralSystem: CentralSystemHarness, connectors: Int = 2) async throws {
    _ = try #require(await centralSystem.expect("BootNotification"), "no BootNotification")
    for connector in 0...connectors {
        _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["connectorId"] == .integer(connector) }),
                         "no StatusNotification for connector \(connector)")
    }
}

/// Plugs connector 1 and presents TAG-1 there; returns the StartTransaction the central system got, once the
/// station has its answer.
@discardableResult
func startCharging(_ emulator: ChargePointEmulator, _ centralSystem: CentralSystemHarness,
                   connector: Int = 1) async throws -> CentralSystemHarness.Received? {
    try await emulator.perform(.plug(connector: connector))
    try await emulator.perform(.presentIdTag("TAG-1", connector: connector))
    let start = await centralSystem.expect("StartTransaction", timeout: livePatience)
    #expect(await emulator.waitUntil(timeout: livePatience) { $0.connector(connector)?.transactionId != nil })
    return start
}
