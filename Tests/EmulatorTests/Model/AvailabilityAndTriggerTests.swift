import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: availability, trigger, data transfer")
struct AvailabilityAndTriggerTests {
    @Test("ChangeAvailability is Scheduled during a transaction and applied when it ends")
    func scheduledAvailability() throws {
        var station = TransactionTests.booted()
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        #expect(station.status(of: "ChangeAvailability", ["connectorId": 1, "type": "Inoperative"]) == "Scheduled")
        #expect(station.connector(1)?.status == .charging)
        #expect(station.status(of: "ChangeAvailability", ["connectorId": 2, "type": "Inoperative"]) == "Accepted")
        #expect(station.statuses(of: 2) == ["Unavailable"])
        try station.perform(.presentIdTag("TAG-1", connector: nil))
        #expect(station.connector(1)?.status == .unavailable)
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "TAG-1"]) == "Rejected")
        #expect(station.status(of: "ChangeAvailability", ["connectorId": 0, "type": "Operative"]) == "Accepted")
        #expect(station.connector(1)?.status == .finishing)
        #expect(station.connector(2)?.status == .available)
        #expect(station.status(of: "ChangeAvailability", ["connectorId": 7, "type": "Operative"]) == "Rejected")
    }

    @Test("TriggerMessage sends each message it may ask for", arguments: [
        ("BootNotification", "BootNotification", 1),
        ("Heartbeat", "Heartbeat", 1),
        ("StatusNotification", "StatusNotification", 3),
        ("MeterValues", "MeterValues", 2),
        ("DiagnosticsStatusNotification", "DiagnosticsStatusNotification", 1),
        ("FirmwareStatusNotification", "FirmwareStatusNotification", 1),
    ])
    func trigger(requested: String, action: String, count: Int) {
        var station = TransactionTests.booted()
        #expect(station.status(of: "TriggerMessage", ["requestedMessage": .string(requested)]) == "Accepted")
        #expect(station.actions == Array(repeating: action, count: count))
        if action == "MeterValues" {
            #expect(station.payloads("MeterValues").allSatisfy { $0["meterValue"]?[0]?["sampledValue"]?[0]?["context"] == "Trigger" })
        }
        if action.hasSuffix("StatusNotification") && action != "StatusNotification" {
            #expect(station.payloads(action).first?["status"] == "Idle")
        }
    }

    @Test("TriggerMessage for a connector the station lacks is Rejected; for an unknown message NotImplemented")
    func triggerRefused() {
        var station = TransactionTests.booted()
        #expect(station.status(of: "TriggerMessage", ["requestedMessage": "StatusNotification", "connectorId": 5]) == "Rejected")
        #expect(station.status(of: "TriggerMessage", ["requestedMessage": "SignCertificate"]) == "NotImplemented")
        #expect(station.actions.isEmpty)
    }

    @Test("DataTransfer is Accepted for the station's vendor and echoes the data; other vendors are unknown")
    func dataTransfer() {
        var station = TransactionTests.booted()
        #expect(station.call("DataTransfer", ["vendorId": "Chargecheck", "messageId": "echo", "data": "hello"])
            == .result(["status": "Accepted", "data": "hello"]))
        #expect(station.status(of: "DataTransfer", ["vendorId": "Elsewhere"]) == "UnknownVendorId")
    }

    @Test("Faults are reported with their error code and cleared back to the previous status")
    func faults() throws {
        var station = TransactionTests.booted()
        try station.perform(.raiseFault(connector: 1, errorCode: .groundFailure))
        let faulted = try #require(station.payloads("StatusNotification").last)
        #expect(faulted["status"] == "Faulted")
        #expect(faulted["errorCode"] == "GroundFailure")
        try station.perform(.clearFault(connector: 1))
        #expect(station.statuses(of: 1) == ["Faulted", "Available"])
        try station.perform(.raiseFault(connector: 0, errorCode: .powerSwitchFailure))
        #expect(station.statuses(of: 0) == ["Faulted"])
    }
}
