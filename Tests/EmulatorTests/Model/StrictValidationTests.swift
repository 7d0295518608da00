import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: everything it sends validates strictly against the catalog")
struct StrictValidationTests {
    /// Every command and physical action the station knows, in one long session.
    static func tour(_ station: inout ModelHarness) throws {
        let later = JSONValue.string(OCPPTimestamp.text(station.now.addingTimeInterval(600)))
        station.start()
        station.call("GetConfiguration", [:])
        station.call("GetConfiguration", ["key": ["HeartbeatInterval", "Unknown"]])
        station.call("ChangeConfiguration", ["key": "MeterValuesSampledData",
                                             "value": "Energy.Active.Import.Register,Power.Active.Import,Power.Offered,Current.Import,Current.Offered,Voltage,SoC,Temperature"])
        station.call("ChangeConfiguration", ["key": "StopTxnAlignedData", "value": "Energy.Active.Import.Register"])
        station.call("ChangeConfiguration", ["key": "ClockAlignedDataInterval", "value": "300"])
        station.call("ChangeConfiguration", ["key": "NumberOfConnectors", "value": "4"])
        station.call("SendLocalList", ["listVersion": 1, "updateType": "Full",
                                       "localAuthorizationList": [["idTag": "LOCAL", "idTagInfo": ["status": "Accepted", "expiryDate": later]]]])
        station.call("GetLocalListVersion", [:])
        station.call("ReserveNow", ["connectorId": 2, "expiryDate": later, "idTag": "RES", "reservationId": 3])
        station.call("SetChargingProfile", ["connectorId": 0, "csChargingProfiles": SmartChargingTests.profile(
            id: 1, purpose: "TxDefaultProfile", periods: [(0, 16), (600, 10)])])
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("LOCAL", connector: nil))
        station.advance(seconds: 700)
        station.call("GetCompositeSchedule", ["connectorId": 1, "duration": 3_600, "chargingRateUnit": "A"])
        station.call("GetCompositeSchedule", ["connectorId": 0, "duration": 3_600])
        for message in ["BootNotification", "Heartbeat", "StatusNotification", "MeterValues",
                        "DiagnosticsStatusNotification", "FirmwareStatusNotification"] {
            station.call("TriggerMessage", ["requestedMessage": .string(message)])
        }
        station.call("ChangeAvailability", ["connectorId": 1, "type": "Inoperative"])
        try station.perform(.plug(connector: 2))
        try station.perform(.presentIdTag("RES", connector: 2))
        try station.perform(.raiseFault(connector: 2, errorCode: .overCurrentFailure))
        try station.perform(.clearFault(connector: 2))
        station.call("RemoteStopTransaction", ["transactionId": .integer(station.connector(1)?.transactionId ?? 0)])
        station.call("UnlockConnector", ["connectorId": 2])
        station.call("CancelReservation", ["reservationId": 3])
        station.call("ClearChargingProfile", [:])
        station.call("ClearCache", [:])
        station.call("DataTransfer", ["vendorId": "Chargecheck", "data": "ping"])
        station.call("GetDiagnostics", ["location": "ftp://logs.example/"])
        station.call("UpdateFirmware", ["location": "https://fw.example/f.bin", "retrieveDate": .string(OCPPTimestamp.text(station.now))])
        station.advance(seconds: 60)
        try station.perform(.unplug(connector: 1))
        try station.perform(.unplug(connector: 2))
        station.call("ChangeAvailability", ["connectorId": 0, "type": "Operative"])
        #expect(station.status(of: "RemoteStartTransaction", ["idTag": "REMOTE"]) == "Accepted")
        try station.perform(.plug(connector: 2))
        station.advance(seconds: 120)
        try station.perform(.powerLoss)
        station.advance(seconds: 30)
        try station.perform(.powerRestore)
        station.advance(seconds: 30)
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("LOCAL", connector: 1))
        station.call("Reset", ["type": "Hard"])
        station.advance(seconds: 60)
    }

    @Test("A tour of every command and physical action sends nothing a strict validator rejects")
    func cleanTour() throws {
        var station = ModelHarness()
        try Self.tour(&station)
        #expect(station.violations == [])
        let actions = Set(station.actions)
        #expect(actions.isSuperset(of: ["BootNotification", "Heartbeat", "StatusNotification", "Authorize", "StartTransaction",
                                        "StopTransaction", "MeterValues", "DiagnosticsStatusNotification",
                                        "FirmwareStatusNotification"]))
    }

    @Test("The payload fault profiles do break strict validation", arguments: [
        FaultProfile.timestampWithoutZone, .missingRequiredField, .wrongEnum,
    ])
    func faultyTour(_ fault: FaultProfile) throws {
        var station = ModelHarness(faults: [fault])
        try Self.tour(&station)
        #expect(!station.violations.isEmpty)
    }
}
