import Foundation
import OCPP
import Testing
import WebSocket
@testable import Emulator

@Suite("Emulator over real loopback WebSockets: each fault profile really misbehaves", .serialized)
struct LiveFaultProfileTests {
    @Test("The fault profile shows on the wire", arguments: FaultProfile.allCases)
    func faultShows(_ fault: FaultProfile) async throws {
        try await withLiveStation(faults: [fault]) { emulator, centralSystem in
            _ = try #require(await centralSystem.expect("BootNotification"))
            #expect(await emulator.waitUntil(timeout: livePatience) { $0.registration == .accepted })
            switch fault {
            case .rejectRemoteStart:
                #expect(await centralSystem.status("RemoteStartTransaction", ["connectorId": 1, "idTag": "TAG-1"]) == "Rejected")
            case .neverSendStartTransaction:
                try await emulator.perform(.plug(connector: 1))
                try await emulator.perform(.presentIdTag("TAG-1", connector: 1))
                _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["status"] == "Charging" }))
                #expect(await emulator.waitUntil(timeout: livePatience) { $0.pendingMessages == 0 })
                #expect(await centralSystem.received("StartTransaction").isEmpty)
            case .answerLate:
                #expect(await centralSystem.call("GetConfiguration", [:], timeout: .milliseconds(800)) == .timeout)
            case .timestampWithoutZone, .missingRequiredField, .wrongEnum:
                let status = try #require(await centralSystem.expect("StatusNotification"))
                #expect(!status.validation.isValid)
                let rule = status.validation.errors.first.map { "\($0.path) \($0.rule)" } ?? ""
                switch fault {
                case .timestampWithoutZone: #expect(rule.contains("timestamp"))
                case .missingRequiredField: #expect(rule.contains("errorCode"))
                default: #expect(rule.contains("errorCode"))
                }
            case .skipHeartbeats:
                // Heartbeats are due every 60 s of run time (1 s real); three intervals pass without one.
                #expect(await !centralSystem.waitUntil(.seconds(3)) { !$0.received("Heartbeat").isEmpty })
            case .noReconnectAfterReset:
                #expect(await centralSystem.status("Reset", ["type": "Soft"]) == "Accepted")
                #expect(await centralSystem.waitUntil(livePatience) { $0.disconnects == 1 })
                // The reboot takes 10 s of run time; 120 s pass without a new connection.
                #expect(await !centralSystem.waitUntil(.seconds(2)) { $0.connections.count > 1 })
            case .dropMidTransaction:
                _ = try #require(await startCharging(emulator, centralSystem))
                #expect(await centralSystem.waitUntil(livePatience) { $0.disconnects == 1 })
                #expect(await centralSystem.waitUntil(livePatience) { $0.connections.count == 2 })
            case .wrongStopTransactionId:
                _ = try #require(await startCharging(emulator, centralSystem))
                let given = try #require(await emulator.snapshot.connector(1)?.transactionId)
                try await emulator.perform(.unplug(connector: 1))
                let stop = try #require(await centralSystem.expect("StopTransaction"))
                #expect(stop.payload["transactionId"] != .integer(given))
            case .meterBackwards:
                let start = try #require(await startCharging(emulator, centralSystem))
                _ = try #require(await centralSystem.expect("MeterValues"))
                try await emulator.perform(.unplug(connector: 1))
                let stop = try #require(await centralSystem.expect("StopTransaction"))
                let meterStart = try #require(start.payload["meterStart"]?.integerValue)
                let meterStop = try #require(stop.payload["meterStop"]?.integerValue)
                #expect(meterStop < meterStart)
            case .refuseConfiguration:
                #expect(await centralSystem.status("ChangeConfiguration", ["key": "HeartbeatInterval", "value": "30"]) == "Rejected")
            }
        }
    }

    @Test("Fault profiles can be switched while the station runs (per scenario)")
    func switchingFaults() async throws {
        try await withLiveStation { emulator, centralSystem in
            try await expectBooted(centralSystem)
            #expect(await emulator.waitUntil(timeout: livePatience) { $0.registration == .accepted })
            await emulator.setFaults([.rejectRemoteStart])
            #expect(await emulator.faults == [.rejectRemoteStart])
            #expect(await centralSystem.status("RemoteStartTransaction", ["connectorId": 1, "idTag": "TAG-1"]) == "Rejected")
            await emulator.setFaults([])
            #expect(await centralSystem.status("RemoteStartTransaction", ["connectorId": 1, "idTag": "TAG-1"]) == "Accepted")
        }
    }

    @Test("Without a fault profile the same checks come out clean")
    func cleanStation() async throws {
        try await withLiveStation { emulator, centralSystem in
            try await expectBooted(centralSystem)
            #expect(await centralSystem.call("GetConfiguration", ["key": ["HeartbeatInterval"]], timeout: livePatience).resultPayload != nil)
            #expect(await centralSystem.status("ChangeConfiguration", ["key": "HeartbeatInterval", "value": "60"]) == "Accepted")
            _ = try #require(await centralSystem.expect("Heartbeat", timeout: livePatience))
            let start = try #require(await startCharging(emulator, centralSystem))
            _ = try #require(await centralSystem.expect("MeterValues"))
            let given = try #require(await emulator.snapshot.connector(1)?.transactionId)
            try await emulator.perform(.unplug(connector: 1))
            let stop = try #require(await centralSystem.expect("StopTransaction"))
            #expect(stop.payload["transactionId"] == .integer(given))
            #expect(try #require(stop.payload["meterStop"]?.integerValue) >= (try #require(start.payload["meterStart"]?.integerValue)))
            #expect(await centralSystem.disconnects == 0)
            #expect(await centralSystem.callViolations == [])
        }
    }
}
