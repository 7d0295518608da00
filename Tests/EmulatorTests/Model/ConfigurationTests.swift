import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: configuration")
struct ConfigurationTests {
    @Test("GetConfiguration without keys lists every key with its read-only flag")
    func allKeys() throws {
        var station = TransactionTests.booted()
        guard case .result(let answer) = station.call("GetConfiguration", [:]) else {
            Issue.record("GetConfiguration failed")
            return
        }
        let entries = try #require(answer["configurationKey"]?.arrayValue)
        #expect(entries.count == ConfigurationKey.allCases.count)
        let byKey = Dictionary(uniqueKeysWithValues: entries.compactMap { entry in entry["key"]?.stringValue.map { ($0, entry) } })
        #expect(byKey["NumberOfConnectors"]?["readonly"] == true)
        #expect(byKey["NumberOfConnectors"]?["value"] == "2")
        #expect(byKey["HeartbeatInterval"]?["readonly"] == false)
        #expect(byKey["SupportedFeatureProfiles"]?["value"]?.stringValue?.contains("Core") == true)
        #expect(answer["unknownKey"] == nil)
    }

    @Test("GetConfiguration lists the keys it does not know as unknown")
    func unknownKeys() {
        var station = TransactionTests.booted()
        guard case .result(let answer) = station.call("GetConfiguration", ["key": ["HeartbeatInterval", "NoSuchKey"]]) else {
            Issue.record("GetConfiguration failed")
            return
        }
        #expect(answer["configurationKey"]?.arrayValue?.count == 1)
        #expect(answer["unknownKey"] == ["NoSuchKey"])
    }

    struct Change: Sendable, CustomTestStringConvertible {
        let key: String
        let value: String
        let status: String
        var testDescription: String { "\(key)=\(value) → \(status)" }
    }

    @Test("ChangeConfiguration answers as OCPP says", arguments: [
        Change(key: "MeterValueSampleInterval", value: "30", status: "Accepted"),
        Change(key: "AuthorizeRemoteTxRequests", value: "TRUE", status: "Accepted"),
        Change(key: "NumberOfConnectors", value: "3", status: "Rejected"),
        Change(key: "HeartbeatInterval", value: "-5", status: "Rejected"),
        Change(key: "HeartbeatInterval", value: "soon", status: "Rejected"),
        Change(key: "LocalAuthorizeOffline", value: "yes", status: "Rejected"),
        Change(key: "MeterValuesSampledData", value: "Energy.Active.Import.Register,Bogus", status: "Rejected"),
        Change(key: "WebSocketPingInterval", value: "30", status: "RebootRequired"),
        Change(key: "NoSuchKey", value: "1", status: "NotSupported"),
    ])
    func change(_ change: Change) {
        var station = TransactionTests.booted()
        #expect(station.status(of: "ChangeConfiguration", ["key": .string(change.key), "value": .string(change.value)]) == change.status)
        let stored = station.model.configuration.entries(for: [change.key]).known.first?.value
        if change.status == "Accepted" || change.status == "RebootRequired" {
            #expect(stored == change.value)
        } else {
            #expect(stored != change.value)
        }
    }

    @Test("A changed HeartbeatInterval takes effect at once")
    func heartbeatIntervalTakesEffect() {
        var station = TransactionTests.booted()
        #expect(station.status(of: "ChangeConfiguration", ["key": "HeartbeatInterval", "value": "10"]) == "Accepted")
        station.advance(seconds: 35)
        #expect(station.actions == ["Heartbeat", "Heartbeat", "Heartbeat"])
    }
}
