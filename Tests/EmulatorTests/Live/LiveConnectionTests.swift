import Foundation
import OCPP
import Testing
import WebSocket
@testable import Emulator

@Suite("Emulator over real loopback WebSockets: connection and security modes", .serialized)
struct LiveConnectionTests {
    enum Mode: String, CaseIterable, Sendable {
        case plain = "ws"
        case plainBasic = "ws + Basic Auth"
        case tls = "wss"
        case tlsBasic = "wss + Basic Auth"
        case mutualTLS = "wss + mutual TLS"
    }

    static let password = "S3cret-Key-0123456"

    static func setUp(_ mode: Mode, identity: String) throws -> (EmulatorSecurity, TLSServerConfiguration?, BasicAuthConfiguration?, SecurityLevel) {
        let basic = BasicAuthConfiguration(credentials: CredentialStore([identity: .plain(password)]))
        switch mode {
        case .plain: return (.none, nil, nil, .none)
        case .plainBasic: return (.basic(password: password), nil, basic, .basic)
        case .tls, .tlsBasic, .mutualTLS:
            let pki = try TestPKI.get()
            let mutual = mode == .mutualTLS
            let server = TLSServerConfiguration(certificatePath: pki.serverCertificate, privateKeyPath: pki.serverKey,
                                                clientCAPath: mutual ? pki.caCertificate : nil,
                                                requireCommonNameMatchesIdentity: mutual)
            if mutual {
                let certificate = try #require(pki.stationCertificates[identity])
                let key = try #require(pki.stationKeys[identity])
                return (.mutualTLS(caFile: pki.caCertificate, certificate: certificate, key: key), server, nil, .mtls)
            }
            return mode == .tls ? (.tls(caFile: pki.caCertificate), server, nil, .tls)
                : (.basic(password: password, caFile: pki.caCertificate), server, basic, .basic)
        }
    }

    @Test("The station connects, boots, reports every connector and sends heartbeats on time", arguments: Mode.allCases)
    func connectAndBoot(_ mode: Mode) async throws {
        let identity = mode == .mutualTLS ? "CP-MTLS" : "CP-TLS"
        let (security, tls, basic, level) = try Self.setUp(mode, identity: identity)
        try await withLiveStation(identity: identity, security: security, tls: tls, basicAuth: basic) { emulator, centralSystem in
            try await expectBooted(centralSystem)
            _ = try #require(await centralSystem.expect("Heartbeat", timeout: livePatience))
            let info = try #require(await centralSystem.connections.first)
            #expect(info.identity == identity)
            #expect(info.subprotocol == "ocpp1.6")
            #expect(info.security == level)
            #expect(await centralSystem.callViolations == [])
            #expect(await emulator.snapshot.registration == .accepted)
            #expect(await emulator.snapshot.connected)
        }
    }

    @Test("A wrong Basic Auth password is refused and the station keeps retrying with backoff")
    func wrongPassword() async throws {
        let basic = BasicAuthConfiguration(credentials: CredentialStore(["CP-1": .plain(Self.password)]))
        try await withLiveStation(security: .basic(password: "not-the-password"), basicAuth: basic) { emulator, centralSystem in
            #expect(await centralSystem.waitUntil(livePatience) { $0.rejections.count >= 3 })
            #expect(await centralSystem.connections.isEmpty)
            let statistics = await emulator.statistics
            #expect(statistics.connectFailures >= 2)
            #expect(statistics.connections == 0)
        }
    }

    @Test("A station certificate for another identity is refused under mutual TLS")
    func foreignCertificate() async throws {
        let (_, tls, _, _) = try Self.setUp(.mutualTLS, identity: "CP-MTLS")
        let pki = try TestPKI.get()
        let security = EmulatorSecurity.mutualTLS(caFile: pki.caCertificate, certificate: try #require(pki.stationCertificates["CP-OTHER"]),
                                                  key: try #require(pki.stationKeys["CP-OTHER"]))
        try await withLiveStation(identity: "CP-MTLS", security: security, tls: tls) { emulator, centralSystem in
            #expect(await centralSystem.waitUntil(livePatience) { !$0.rejections.isEmpty })
            #expect(await centralSystem.connections.isEmpty)
            #expect(await emulator.snapshot.connected == false)
        }
    }

    @Test("Reset: the station closes, comes back on a new connection and boots again")
    func resetReconnects() async throws {
        try await withLiveStation { emulator, centralSystem in
            try await expectBooted(centralSystem)
            #expect(await centralSystem.status("Reset", ["type": "Soft"]) == "Accepted")
            #expect(await centralSystem.waitUntil(livePatience) { $0.connections.count == 2 })
            let boot = try #require(await centralSystem.expect("BootNotification"))
            #expect(boot.connection == 2)
            #expect(await centralSystem.disconnects == 1)
        }
    }

    @Test("After the central system drops it, the station reconnects without booting again")
    func reconnectAfterDrop() async throws {
        try await withLiveStation { emulator, centralSystem in
            try await expectBooted(centralSystem)
            try await emulator.perform(.plug(connector: 1))
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["status"] == "Preparing" }))
            await centralSystem.dropConnection()
            #expect(await centralSystem.waitUntil(livePatience) { $0.connections.count == 2 })
            try await emulator.perform(.unplug(connector: 1))
            let available = try #require(await centralSystem.expect("StatusNotification", where: { $0["status"] == "Available" }))
            #expect(available.connection == 2)
            #expect(await centralSystem.received("BootNotification").count == 1)
        }
    }

    @Test("While the central system is down, transaction messages queue; they arrive in order after reconnecting, without a boot")
    func offlineQueue() async throws {
        let first = try await CentralSystemHarness.start()
        let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
            identity: "CP-1", centralSystemURL: first.url, clock: ScaledClock(scale: 60), callTimeout: .seconds(600)))
        await emulator.start()
        var second: CentralSystemHarness?
        do {
            try await expectBooted(first)
            let start = try #require(await startCharging(emulator, first))
            let transactionId = try #require(await emulator.snapshot.connector(1)?.transactionId)
            #expect(start.payload["connectorId"] == 1)
            await first.shutdown()
            #expect(await emulator.waitUntil(timeout: livePatience) { !$0.connected })
            // Two sample intervals pass offline, then the driver unplugs.
            #expect(await emulator.waitUntil(timeout: livePatience) { $0.pendingMessages >= 2 })
            try await emulator.perform(.unplug(connector: 1))
            let port = try #require(Int(first.url.split(separator: ":").last?.split(separator: "/").first ?? ""))
            let centralSystem = try await CentralSystemHarness.start(port: port)
            second = centralSystem
            let stop = try #require(await centralSystem.expect("StopTransaction", timeout: livePatience))
            #expect(stop.payload["transactionId"] == .integer(transactionId))
            #expect(stop.payload["reason"] == "EVDisconnected")
            let order = await centralSystem.all.map(\.action).filter { $0 == "MeterValues" || $0 == "StopTransaction" }
            #expect(order.count >= 3)
            #expect(order.last == "StopTransaction")
            #expect(await centralSystem.received("MeterValues").allSatisfy { $0.payload["transactionId"] == .integer(transactionId) })
            #expect(await centralSystem.received("BootNotification").isEmpty)
            #expect(await centralSystem.callViolations == [])
        } catch {
            await emulator.stop()
            await second?.shutdown()
            throw error
        }
        await emulator.stop()
        await second?.shutdown()
    }

    @Test("A central system that is not there: connection attempts fail, are retried, and stop() ends them")
    func nobodyListening() async throws {
        let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
            identity: "CP-1", centralSystemURL: "ws://127.0.0.1:1/ocpp", clock: ScaledClock(scale: 60)))
        let events = emulator.events
        await emulator.start()
        var failures = 0
        for await event in events {
            if case .connectFailed(let reason) = event {
                failures += 1
                #expect(reason.contains("refused"))
                if failures == 3 { await emulator.stop() }
            }
        }
        #expect(failures == 3)
        #expect(await emulator.statistics.connectFailures == 3)
    }

    @Test("run() returns once stop() is called")
    func runUntilStopped() async throws {
        let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
            identity: "CP-1", centralSystemURL: "ws://127.0.0.1:1/ocpp", clock: ScaledClock(scale: 60)))
        let running = Task { await emulator.run() }
        let events = emulator.events
        for await event in events {
            if case .connectFailed = event { await emulator.stop() }
        }
        await running.value
        #expect(await emulator.snapshot.connected == false)
    }

    @Test("An unusable URL is reported as a failed connection, never a crash")
    func badURL() async throws {
        let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
            identity: "CP-1", centralSystemURL: "http://example.invalid/ocpp", clock: ScaledClock(scale: 60)))
        let events = emulator.events
        await emulator.start()
        for await event in events {
            if case .connectFailed(let reason) = event {
                #expect(reason.contains("scheme"))
                await emulator.stop()
            }
        }
    }
}
