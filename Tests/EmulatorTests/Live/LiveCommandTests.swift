import Foundation
import OCPP
import Testing
import WebSocket
@testable import Emulator

@Suite("Emulator over real loopback WebSockets: every command and physical action, strictly valid", .serialized)
struct LiveCommandTests {
    static func time(_ offset: TimeInterval) -> JSONValue {
        .string(RFC3339.string(from: Date().addingTimeInterval(offset)))
    }

    @Test("Every central system command is answered as OCPP says, and everything the station sends validates strictly")
    func everyCommand() async throws {
        try await withLiveStation { emulator, centralSystem in
            try await expectBooted(centralSystem)
            let configuration = try #require(await centralSystem.call("GetConfiguration", ["key": ["HeartbeatInterval", "Nope"]]).resultPayload)
            #expect(configuration["unknownKey"] == ["Nope"])
            #expect(await centralSystem.status("ChangeConfiguration", ["key": "MeterValueSampleInterval", "value": "30"]) == "Accepted")
            #expect(await centralSystem.status("ChangeConfiguration", ["key": "NumberOfConnectors", "value": "9"]) == "Rejected")
            #expect(await centralSystem.status("ChangeConfiguration", ["key": "Unknown", "value": "9"]) == "NotSupported")
            #expect(await centralSystem.status("ChangeConfiguration", ["key": "WebSocketPingInterval", "value": "50"]) == "RebootRequired")
            #expect(await centralSystem.status("SendLocalList", ["listVersion": 2, "updateType": "Full",
                                                                 "localAuthorizationList": [["idTag": "LOCAL", "idTagInfo": ["status": "Accepted"]]]]) == "Accepted")
            #expect(await centralSystem.call("GetLocalListVersion", [:]).resultPayload == ["listVersion": 2])
            #expect(await centralSystem.status("ClearCache", [:]) == "Accepted")
            #expect(await centralSystem.status("ReserveNow", ["connectorId": 2, "expiryDate": Self.time(3_600), "idTag": "RES",
                                                              "reservationId": 9]) == "Accepted")
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["status"] == "Reserved" }))
            #expect(await centralSystem.status("CancelReservation", ["reservationId": 9]) == "Accepted")
            let profile = SmartChargingTests.profile(id: 4, purpose: "TxDefaultProfile", periods: [(0, 16)])
            #expect(await centralSystem.status("SetChargingProfile", ["connectorId": 1, "csChargingProfiles": profile]) == "Accepted")
            let composite = try #require(await centralSystem.call("GetCompositeSchedule", ["connectorId": 1, "duration": 600,
                                                                                           "chargingRateUnit": "A"]).resultPayload)
            #expect(composite["chargingSchedule"]?["chargingSchedulePeriod"]?[0]?["limit"]?.doubleValue == 16)
            #expect(await centralSystem.status("ClearChargingProfile", ["id": 4]) == "Accepted")

            try await emulator.perform(.plug(connector: 1))
            #expect(await centralSystem.status("RemoteStartTransaction", ["connectorId": 1, "idTag": "REMOTE"]) == "Accepted")
            let start = try #require(await centralSystem.expect("StartTransaction"))
            #expect(start.payload["idTag"] == "REMOTE")
            _ = try #require(await centralSystem.expect("MeterValues"))
            #expect(await centralSystem.status("ChangeAvailability", ["connectorId": 1, "type": "Inoperative"]) == "Scheduled")
            for message in ["MeterValues", "StatusNotification", "Heartbeat", "BootNotification",
                            "DiagnosticsStatusNotification", "FirmwareStatusNotification"] {
                #expect(await centralSystem.status("TriggerMessage", ["requestedMessage": .string(message), "connectorId": 1]) == "Accepted")
                _ = try #require(await centralSystem.expect(message, where: { $0["connectorId"] == nil || $0["connectorId"] == 1 }),
                                 "no triggered \(message)")
            }
            let transactionId = try #require(await emulator.snapshot.connector(1)?.transactionId)
            #expect(await centralSystem.status("RemoteStopTransaction", ["transactionId": .integer(transactionId)]) == "Accepted")
            let stop = try #require(await centralSystem.expect("StopTransaction"))
            #expect(stop.payload["reason"] == "Remote")
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["connectorId"] == 1 && $0["status"] == "Unavailable" }))
            #expect(await centralSystem.status("ChangeAvailability", ["connectorId": 0, "type": "Operative"]) == "Accepted")
            #expect(await centralSystem.status("UnlockConnector", ["connectorId": 1]) == "Unlocked")
            #expect(await centralSystem.status("DataTransfer", ["vendorId": "Chargecheck", "data": "x"]) == "Accepted")
            #expect(await centralSystem.call("GetDiagnostics", ["location": "ftp://logs.example/"]).resultPayload?["fileName"] != nil)
            _ = try #require(await centralSystem.expect("DiagnosticsStatusNotification", where: { $0["status"] == "Uploaded" }))
            #expect(await centralSystem.call("UpdateFirmware", ["location": "https://fw.example/f.bin", "retrieveDate": Self.time(0)])
                .resultPayload == [:])
            _ = try #require(await centralSystem.expect("FirmwareStatusNotification", where: { $0["status"] == "Installed" }))
            _ = try #require(await centralSystem.expect("BootNotification", where: { _ in true }))
            for action in ["GetLog", "InstallCertificate"] {
                guard case .error(let code, _, _) = await centralSystem.call(action, [:]) else {
                    Issue.record("\(action) must be refused")
                    continue
                }
                #expect(code == .notSupported || code == .occurenceConstraintViolation)
            }
            #expect(await centralSystem.call("Reset", ["type": "Sideways"]).resultPayload == nil)
            #expect(await centralSystem.status("Reset", ["type": "Hard"]) == "Accepted")
            #expect(await centralSystem.waitUntil(livePatience) { $0.connections.count >= 3 })
            #expect(await centralSystem.callViolations == [])
            #expect(await centralSystem.answerViolations == [])
        }
    }

    @Test("Every physical action shows on the wire as a real station's would")
    func everyPhysicalAction() async throws {
        try await withLiveStation { emulator, centralSystem in
            try await expectBooted(centralSystem)
            try await emulator.perform(.plug(connector: 2))
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["connectorId"] == 2 && $0["status"] == "Preparing" }))
            try await emulator.perform(.presentIdTag("CARD-7", connector: nil))
            _ = try #require(await centralSystem.expect("Authorize", where: { $0["idTag"] == "CARD-7" }))
            let start = try #require(await centralSystem.expect("StartTransaction"))
            #expect(start.payload["connectorId"] == 2)
            try await emulator.perform(.raiseFault(connector: 1, errorCode: .groundFailure))
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["errorCode"] == "GroundFailure" && $0["status"] == "Faulted" }))
            try await emulator.perform(.clearFault(connector: 1))
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["connectorId"] == 1 && $0["status"] == "Available" }))
            try await emulator.perform(.unplug(connector: 2))
            let stop = try #require(await centralSystem.expect("StopTransaction"))
            #expect(stop.payload["reason"] == "EVDisconnected")
            try await startCharging(emulator, centralSystem)
            try await emulator.perform(.powerLoss)
            #expect(await centralSystem.waitUntil(livePatience) { $0.disconnects == 1 })
            #expect(await emulator.snapshot.powered == false)
            try await emulator.perform(.powerRestore)
            let boot = try #require(await centralSystem.expect("BootNotification"))
            #expect(boot.connection == 2)
            let powerLossStop = try #require(await centralSystem.expect("StopTransaction"))
            #expect(powerLossStop.payload["reason"] == "PowerLoss")
            #expect(await centralSystem.callViolations == [])
        }
    }
}
