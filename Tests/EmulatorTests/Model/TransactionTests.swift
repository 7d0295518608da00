import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: transactions and meter values")
struct TransactionTests {
    /// A booted station with transient messages forgotten.
    static func booted(_ profile: StationProfile = StationProfile(), faults: Set<FaultProfile> = []) -> ModelHarness {
        var station = ModelHarness(profile: profile, faults: faults)
        station.start()
        station.clearSent()
        return station
    }

    @Test("Plug, card, charge, card again, unplug: the whole local session with its statuses and reasons")
    func localSession() throws {
        var station = Self.booted()
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: nil))
        #expect(station.actions.contains("Authorize"))
        let start = try #require(station.payloads("StartTransaction").first)
        #expect(start["connectorId"] == 1)
        #expect(start["idTag"] == "TAG-1")
        #expect(start["meterStart"] == 100_000)
        let transactionId = try #require(station.connector(1)?.transactionId)
        station.advance(seconds: 600)
        #expect(station.connector(1)?.status == .charging)
        #expect(station.payloads("MeterValues").count == 10)
        let registers = station.payloads("MeterValues").compactMap {
            $0["meterValue"]?[0]?["sampledValue"]?[0]?["value"]?.stringValue.flatMap(Int.init)
        }
        #expect(registers == registers.sorted() && registers.last! > 100_000)
        #expect(station.payloads("MeterValues").allSatisfy { $0["transactionId"] == .integer(transactionId) })
        try station.perform(.presentIdTag("TAG-1", connector: nil))
        let stop = try #require(station.payloads("StopTransaction").first)
        #expect(stop["reason"] == "Local")
        #expect(stop["idTag"] == "TAG-1")
        #expect(stop["transactionId"] == .integer(transactionId))
        // 10 minutes at 11.04 kW: 1840 Wh.
        #expect(stop["meterStop"]?.integerValue == 101_840)
        let data = try #require(stop["transactionData"]?.arrayValue)
        #expect(data.count == 12)
        #expect(data.first?["sampledValue"]?[0]?["context"] == "Transaction.Begin")
        #expect(data.last?["sampledValue"]?[0]?["context"] == "Transaction.End")
        try station.perform(.unplug(connector: 1))
        #expect(station.statuses(of: 1) == ["Preparing", "Charging", "Finishing", "Available"])
    }

    @Test("A card first, then the cable within ConnectionTimeOut, starts; too late, the authorization lapses")
    func cardBeforeCable() throws {
        var station = Self.booted()
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        #expect(station.connector(1)?.status == .preparing)
        station.advance(seconds: 61)
        #expect(station.connector(1)?.status == .available)
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        station.advance(seconds: 30)
        try station.perform(.plug(connector: 1))
        #expect(station.payloads("StartTransaction").count == 1)
    }

    @Test("Another card of the same group stops the transaction with its own idTag; a card of another group does not")
    func stopByGroup() throws {
        var station = Self.booted()
        station.setReply("Authorize") { request in
            let group: JSONValue = request["idTag"] == "STRANGER" ? "OTHER-GROUP" : "FAMILY"
            return ["idTagInfo": ["status": "Accepted", "parentIdTag": group]]
        }
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("PARENT-CARD", connector: 1))
        #expect(station.connector(1)?.status == .charging)
        try station.perform(.presentIdTag("STRANGER", connector: 1))
        #expect(station.payloads("StopTransaction").isEmpty)
        try station.perform(.presentIdTag("CHILD-CARD", connector: 1))
        let stop = try #require(station.payloads("StopTransaction").first)
        #expect(stop["idTag"] == "CHILD-CARD")
        #expect(stop["reason"] == "Local")
    }

    @Test("Clock-aligned samples carry the boundary's time, whole seconds")
    func alignedTimestamps() {
        var station = Self.booted()
        station.call("ChangeConfiguration", ["key": "ClockAlignedDataInterval", "value": "60"])
        station.advance(seconds: 0.5)
        station.advance(seconds: 200)
        let stamps = station.payloads("MeterValues").compactMap { $0["meterValue"]?[0]?["timestamp"]?.stringValue }
        #expect(!stamps.isEmpty)
        #expect(stamps.allSatisfy { $0.hasSuffix(":00.000Z") })
    }

    @Test("An idTag the central system refuses starts nothing")
    func refusedTag() throws {
        var station = Self.booted()
        station.invalidTags = ["BAD"]
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("BAD", connector: 1))
        #expect(station.payloads("StartTransaction").isEmpty)
        #expect(station.connector(1)?.status == .preparing)
    }

    @Test("StartTransaction answered Invalid ends the transaction with DeAuthorized")
    func deauthorizedByStartTransaction() throws {
        var station = Self.booted(StationProfile(configuration: ["LocalPreAuthorize": "true"]))
        station.call("SendLocalList", ["listVersion": 1, "updateType": "Full",
                                       "localAuthorizationList": [["idTag": "OLD", "idTagInfo": ["status": "Accepted"]]]])
        station.invalidTags = ["OLD"]
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("OLD", connector: 1))
        #expect(!station.actions.contains("Authorize"))
        #expect(station.payloads("StopTransaction").first?["reason"] == "DeAuthorized")
    }

    @Test("Unplugging ends the transaction with EVDisconnected, or suspends it when configured not to")
    func unplugDuringTransaction() throws {
        var station = Self.booted()
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        try station.perform(.unplug(connector: 1))
        #expect(station.payloads("StopTransaction").first?["reason"] == "EVDisconnected")
        #expect(station.connector(1)?.status == .available)

        var keeping = Self.booted(StationProfile(configuration: ["StopTransactionOnEVSideDisconnect": "false"]))
        try keeping.perform(.plug(connector: 1))
        try keeping.perform(.presentIdTag("TAG-1", connector: 1))
        try keeping.perform(.unplug(connector: 1))
        #expect(keeping.payloads("StopTransaction").isEmpty)
        #expect(keeping.connector(1)?.status == .suspendedEV)
        try keeping.perform(.plug(connector: 1))
        #expect(keeping.connector(1)?.status == .charging)
    }

    @Test("Remote start waits for the cable; remote stop needs the right transaction id")
    func remoteStartAndStop() throws {
        var station = Self.booted()
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 2, "idTag": "REMOTE"]) == "Accepted")
        #expect(station.connector(2)?.status == .preparing)
        #expect(station.payloads("StartTransaction").isEmpty)
        try station.perform(.plug(connector: 2))
        let transactionId = try #require(station.connector(2)?.transactionId)
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 2, "idTag": "OTHER"]) == "Rejected")
        #expect(station.status(of: "RemoteStopTransaction", ["transactionId": .integer(transactionId + 1)]) == "Rejected")
        #expect(station.status(of: "RemoteStopTransaction", ["transactionId": .integer(transactionId)]) == "Accepted")
        #expect(station.payloads("StopTransaction").first?["reason"] == "Remote")
    }

    @Test("A station whose simulated driver plugs in on remote start starts the transaction at once")
    func plugsOnRemoteStart() throws {
        var station = Self.booted(StationProfile(plugsOnRemoteStart: true))
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "REMOTE"]) == "Accepted")
        #expect(station.payloads("StartTransaction").first?["idTag"] == "REMOTE")
        #expect(station.connector(1)?.plugged == true)
        #expect(station.connector(1)?.status == .charging)
    }

    @Test("With AuthorizeRemoteTxRequests the station asks before starting a remote transaction")
    func authorizeRemoteStart() throws {
        var station = Self.booted(StationProfile(configuration: ["AuthorizeRemoteTxRequests": "true"]))
        station.invalidTags = ["BLOCKED"]
        try station.perform(.plug(connector: 1))
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "BLOCKED"]) == "Accepted")
        #expect(station.actions == ["StatusNotification", "Authorize"])
        #expect(station.payloads("StartTransaction").isEmpty)
        #expect(station.status(of: "RemoteStartTransaction", ["idTag": "GOOD"]) == "Accepted")
        #expect(station.payloads("StartTransaction").first?["connectorId"] == 1)
    }

    @Test("The stop button ends the transaction with reason Local and no idTag; without a transaction it is refused")
    func pressStop() throws {
        var station = Self.booted()
        #expect(throws: PhysicalActionError.self) { try station.perform(.pressStop(connector: 1)) }
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        try station.perform(.pressStop(connector: 1))
        let stop = try #require(station.payloads("StopTransaction").first)
        #expect(stop["reason"] == "Local")
        #expect(stop["idTag"] == nil)
        #expect(station.connector(1)?.status == .finishing)
    }

    @Test("UnlockConnector ends the transaction with UnlockCommand; an unknown connector is NotSupported")
    func unlock() throws {
        var station = Self.booted()
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        #expect(station.status(of: "UnlockConnector", ["connectorId": 1]) == "Unlocked")
        #expect(station.payloads("StopTransaction").first?["reason"] == "UnlockCommand")
        #expect(station.status(of: "UnlockConnector", ["connectorId": 9]) == "NotSupported")
        try station.perform(.raiseFault(connector: 2, errorCode: .connectorLockFailure))
        #expect(station.status(of: "UnlockConnector", ["connectorId": 2]) == "UnlockFailed")
    }

    @Test("Meter values carry the configured measurands with their units")
    func configuredMeasurands() throws {
        var station = Self.booted()
        #expect(station.status(of: "ChangeConfiguration", ["key": "MeterValuesSampledData",
                                                           "value": "Energy.Active.Import.Register,Current.Import,SoC"]) == "Accepted")
        #expect(station.status(of: "ChangeConfiguration", ["key": "MeterValueSampleInterval", "value": "30"]) == "Accepted")
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        station.advance(seconds: 31)
        let samples = try #require(station.payloads("MeterValues").first?["meterValue"]?[0]?["sampledValue"]?.arrayValue)
        #expect(samples.compactMap { $0["measurand"]?.stringValue } == ["Energy.Active.Import.Register", "Current.Import", "SoC"])
        #expect(samples.compactMap { $0["unit"]?.stringValue } == ["Wh", "A", "Percent"])
        #expect(samples.allSatisfy { $0["context"] == "Sample.Periodic" })
        #expect(samples[1]["value"] == "16.0")
    }

    @Test("Clock-aligned meter values come on the interval's boundaries with context Sample.Clock")
    func clockAligned() throws {
        var station = Self.booted()
        #expect(station.status(of: "ChangeConfiguration", ["key": "ClockAlignedDataInterval", "value": "900"]) == "Accepted")
        station.advance(seconds: 1_800)
        let aligned = station.payloads("MeterValues")
        #expect(aligned.count == 4)
        for value in aligned {
            let stamp = try #require(value["meterValue"]?[0]?["timestamp"]?.stringValue.flatMap(OCPPTimestamp.date(from:)))
            #expect(Int(stamp.timeIntervalSince1970.rounded()) % 900 == 0)
            #expect(value["meterValue"]?[0]?["sampledValue"]?[0]?["context"] == "Sample.Clock")
        }
    }

    @Test("A card presented while the BootNotification awaits its answer is authorized once the station is accepted")
    func cardBeforeBootAnswered() throws {
        var station = ModelHarness()
        station.holdCalls = true
        station.start()
        let call = station.takeCall()
        let boot = try #require(call)
        #expect(boot.action == "BootNotification")
        try station.perform(.presentIdTag("EARLY", connector: 1))
        station.holdCalls = false
        station.answer(boot, with: ["status": "Accepted", "currentTime": .string(OCPPTimestamp.text(station.now)), "interval": 300])
        #expect(station.payloads("Authorize").first?["idTag"] == "EARLY")
    }
}
