import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: boot and heartbeat")
struct BootAndHeartbeatTests {
    @Test("An accepted boot is followed by a status for connector 0 and every connector, then heartbeats on time")
    func acceptedBoot() throws {
        var station = ModelHarness()
        station.bootInterval = 120
        station.start()
        #expect(station.actions.first == "BootNotification")
        let boot = try #require(station.payloads("BootNotification").first)
        #expect(boot["chargePointVendor"] == "Chargecheck")
        #expect(boot["chargePointModel"] == "Emulator-22kW")
        #expect(station.model.registration == .accepted)
        #expect(station.payloads("StatusNotification").compactMap { $0["connectorId"]?.integerValue } == [0, 1, 2])
        #expect(station.statuses(of: 1) == ["Available"])
        station.clearSent()
        station.advance(seconds: 119)
        #expect(!station.actions.contains("Heartbeat"))
        station.advance(seconds: 2)
        #expect(station.actions == ["Heartbeat"])
        station.advance(seconds: 240)
        #expect(station.actions == ["Heartbeat", "Heartbeat", "Heartbeat"])
        #expect(station.model.configuration.integer(.heartbeatInterval) == 120)
    }

    @Test("Pending: the station retries at the interval, sends nothing else, and answers the central system meanwhile")
    func pendingBoot() {
        var station = ModelHarness()
        station.bootStatus = "Pending"
        station.bootInterval = 30
        station.start()
        #expect(station.model.registration == .pending)
        #expect(station.actions == ["BootNotification"])
        guard case .result(let configuration) = station.call("GetConfiguration", ["key": ["HeartbeatInterval"]]) else {
            Issue.record("GetConfiguration must be answered while Pending")
            return
        }
        #expect(configuration["configurationKey"]?[0]?["key"] == "HeartbeatInterval")
        station.advance(seconds: 29)
        #expect(station.actions == ["BootNotification"])
        station.bootStatus = "Accepted"
        station.advance(seconds: 2)
        #expect(station.actions.prefix(2) == ["BootNotification", "BootNotification"])
        #expect(station.actions.contains("StatusNotification"))
        #expect(station.model.registration == .accepted)
    }

    @Test("Pending: messages asked for by TriggerMessage go out, others wait")
    func pendingTrigger() {
        var station = ModelHarness()
        station.bootStatus = "Pending"
        station.start()
        station.clearSent()
        #expect(station.status(of: "TriggerMessage", ["requestedMessage": "Heartbeat"]) == "Accepted")
        #expect(station.actions == ["Heartbeat"])
    }

    @Test("Rejected: the station retries at the interval and sends no other message")
    func rejectedBoot() throws {
        var station = ModelHarness()
        station.bootStatus = "Rejected"
        station.bootInterval = 60
        station.start()
        try station.perform(.plug(connector: 1))
        station.advance(seconds: 61)
        #expect(station.actions == ["BootNotification", "BootNotification"])
        #expect(station.model.registration == .rejected)
    }

    @Test("The station's clock follows the central system's currentTime")
    func clockSynchronisation() throws {
        var station = ModelHarness()
        station.start()
        let reported = try #require(station.payloads("StatusNotification").first?["timestamp"]?.stringValue)
        let time = try #require(OCPPTimestamp.date(from: reported))
        #expect(abs(time.timeIntervalSince(station.now)) < 1)
        #expect(reported.hasSuffix("Z"))
    }

    @Test("A plain reconnect does not boot again; statuses changed while offline are reported")
    func reconnectWithoutBoot() throws {
        var station = ModelHarness()
        station.start()
        station.loseConnection()
        try station.perform(.plug(connector: 2))
        station.clearSent()
        station.advance(seconds: 2)
        #expect(station.model.isOnline)
        #expect(!station.actions.contains("BootNotification"))
        #expect(station.statuses(of: 2) == ["Preparing"])
    }

    @Test("A station profiled to boot on every connection does so")
    func bootOnReconnect() {
        var station = ModelHarness(profile: StationProfile(bootOnReconnect: true))
        station.start()
        station.loseConnection()
        station.clearSent()
        station.advance(seconds: 2)
        #expect(station.actions.first == "BootNotification")
    }

    @Test("Reconnect attempts back off exponentially up to a minute")
    func reconnectBackoff() {
        var station = ModelHarness()
        station.start()
        station.networkDown = true
        station.loseConnection()
        station.advance(seconds: 400)
        let delays = station.connectRequests.dropFirst().map(\.seconds)
        #expect(Array(delays.prefix(8)) == [1, 2, 4, 8, 16, 32, 60, 60])
        station.networkDown = false
        station.advance(seconds: 61)
        #expect(station.model.isOnline)
    }
}
