import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: each fault profile misbehaves as named")
struct FaultProfileModelTests {
    /// A booted station with `fault`, a transaction started on connector 1 and then stopped after ten minutes.
    static func session(_ fault: FaultProfile) throws -> ModelHarness {
        var station = TransactionTests.booted(faults: [fault])
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        station.advance(seconds: 600)
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        return station
    }

    @Test("Fault profiles that change payloads or transactions", arguments: FaultProfile.allCases.filter {
        ![.answerLate, .rejectRemoteStart, .refuseConfiguration, .skipHeartbeats, .noReconnectAfterReset].contains($0)
    })
    func sessionFaults(_ fault: FaultProfile) throws {
        let station = try Self.session(fault)
        let clean = try Self.session(.answerLate)
        switch fault {
        case .neverSendStartTransaction:
            #expect(station.payloads("StartTransaction").isEmpty)
            #expect(station.payloads("StopTransaction").isEmpty)
            #expect(station.statuses(of: 1).contains("Charging"))
        case .timestampWithoutZone:
            let stamps = station.payloads("StatusNotification").compactMap { $0["timestamp"]?.stringValue }
            #expect(!stamps.isEmpty)
            #expect(stamps.allSatisfy { $0.count == 19 && !$0.hasSuffix("Z") && !$0.contains("+") })
        case .missingRequiredField:
            #expect(station.payloads("StatusNotification").allSatisfy { $0["errorCode"] == nil })
            #expect(station.payloads("StartTransaction").allSatisfy { $0["meterStart"] == nil })
            #expect(station.payloads("StopTransaction").allSatisfy { $0["meterStop"] == nil })
            #expect(station.payloads("MeterValues").allSatisfy { $0["connectorId"] == nil })
        case .wrongEnum:
            #expect(station.payloads("StatusNotification").allSatisfy { $0["errorCode"] == "Error" })
            #expect(station.payloads("MeterValues").allSatisfy {
                $0["meterValue"]?[0]?["sampledValue"]?[0]?["measurand"] == "Energy.Active.Import"
            })
        case .dropMidTransaction:
            #expect(station.disconnects == [true])
            #expect(station.model.isOnline)
        case .wrongStopTransactionId:
            let started = station.payloads("MeterValues").first?["transactionId"]
            let stopped = station.payloads("StopTransaction").first?["transactionId"]
            #expect(started != nil && stopped != nil && started != stopped)
        case .meterBackwards:
            let start = try #require(station.payloads("StartTransaction").first?["meterStart"]?.integerValue)
            let stop = try #require(station.payloads("StopTransaction").first?["meterStop"]?.integerValue)
            #expect(stop < start)
        default:
            Issue.record("\(fault) is not covered here")
        }
        #expect(clean.actions != station.actions || clean.sent.map(\.payload) != station.sent.map(\.payload))
    }

    @Test("reject-remote-start answers Rejected where a clean station accepts")
    func rejectRemoteStart() {
        var faulty = TransactionTests.booted(faults: [.rejectRemoteStart])
        var clean = TransactionTests.booted()
        let request: JSONValue = ["connectorId": 1, "idTag": "TAG-1"]
        #expect(faulty.status(of: "RemoteStartTransaction", request) == "Rejected")
        #expect(clean.status(of: "RemoteStartTransaction", request) == "Accepted")
    }

    @Test("refuse-configuration rejects a valid change of a writable key")
    func refuseConfiguration() {
        var faulty = TransactionTests.booted(faults: [.refuseConfiguration])
        #expect(faulty.status(of: "ChangeConfiguration", ["key": "HeartbeatInterval", "value": "60"]) == "Rejected")
        #expect(faulty.model.configuration.integer(.heartbeatInterval) == 300)
    }

    @Test("skip-heartbeats sends no Heartbeat over many intervals")
    func skipHeartbeats() {
        var faulty = TransactionTests.booted(faults: [.skipHeartbeats])
        faulty.advance(seconds: 3_000)
        #expect(!faulty.actions.contains("Heartbeat"))
    }

    @Test("no-reconnect-after-reset closes on Reset and never asks to connect again")
    func noReconnectAfterReset() {
        var faulty = TransactionTests.booted(faults: [.noReconnectAfterReset])
        let requestsBefore = faulty.connectRequests.count
        #expect(faulty.status(of: "Reset", ["type": "Soft"]) == "Accepted")
        faulty.advance(seconds: 600)
        #expect(faulty.disconnects == [false])
        #expect(!faulty.model.isOnline)
        #expect(faulty.connectRequests.count == requestsBefore)
    }
}
