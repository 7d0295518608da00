import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: reset, power and offline operation")
struct ResetPowerAndOfflineTests {
    static func charging(_ station: inout ModelHarness, connector: Int = 1) throws {
        try station.perform(.plug(connector: connector))
        try station.perform(.presentIdTag("TAG-1", connector: connector))
    }

    @Test("Reset stops the transaction with its reason, closes, comes back after the reboot time and boots",
          arguments: [("Soft", "SoftReset"), ("Hard", "HardReset")])
    func reset(type: String, reason: String) throws {
        var station = TransactionTests.booted()
        try Self.charging(&station)
        station.clearSent()
        #expect(station.status(of: "Reset", ["type": .string(type)]) == "Accepted")
        station.advance(seconds: 2.5)
        #expect(station.payloads("StopTransaction").first?["reason"] == .string(reason))
        #expect(station.disconnects == [false])
        #expect(!station.model.isOnline)
        station.advance(seconds: 9)
        #expect(!station.model.isOnline)
        station.advance(seconds: 1)
        #expect(station.model.isOnline)
        #expect(station.actions.last(where: { $0 != "StatusNotification" }) == "BootNotification")
        #expect(station.statuses(of: 1).last == "Finishing")
        #expect(station.statuses(of: 0).last == "Available")
    }

    @Test("Transaction messages queue while offline and go out in order after reconnecting, without a boot")
    func offlineQueue() throws {
        var station = TransactionTests.booted()
        try Self.charging(&station)
        let transactionId = try #require(station.connector(1)?.transactionId)
        station.clearSent()
        station.networkDown = true
        station.loseConnection()
        station.advance(seconds: 180)
        try station.perform(.unplug(connector: 1))
        try Self.charging(&station, connector: 2)
        station.advance(seconds: 60)
        #expect(station.sent.isEmpty)
        station.networkDown = false
        station.advance(seconds: 120)
        let transactionMessages = station.sent.filter { ["MeterValues", "StopTransaction", "StartTransaction"].contains($0.action) }
        #expect(transactionMessages.prefix(5).map(\.action)
            == ["MeterValues", "MeterValues", "MeterValues", "StopTransaction", "StartTransaction"])
        #expect(transactionMessages.prefix(4).allSatisfy { $0.payload["transactionId"] == .integer(transactionId) })
        #expect(!station.actions.contains("BootNotification"))
        #expect(station.statuses(of: 1) == ["Available"])
    }

    @Test("Network loss: the connection drops, the station charges on offline, and delivers in order when it returns")
    func networkLoss() throws {
        var station = TransactionTests.booted()
        try Self.charging(&station)
        station.clearSent()
        try station.perform(.networkLoss)
        #expect(station.disconnects == [true])
        #expect(throws: PhysicalActionError.self) { try station.perform(.networkLoss) }
        station.advance(seconds: 150)
        #expect(!station.model.isOnline)
        #expect(station.connector(1)?.status == .charging)
        try station.perform(.unplug(connector: 1))
        #expect(station.sent.isEmpty)
        try station.perform(.networkRestore)
        station.advance(seconds: 61)
        #expect(station.model.isOnline)
        #expect(station.actions.filter { $0 != "StatusNotification" } == ["MeterValues", "MeterValues", "StopTransaction"])
        #expect(!station.actions.contains("BootNotification"))
    }

    @Test("A transaction message the central system refuses is retried TransactionMessageAttempts times")
    func transactionMessageRetries() throws {
        var station = TransactionTests.booted()
        station.failingActions = ["StartTransaction"]
        try Self.charging(&station)
        station.advance(seconds: 200)
        #expect(station.payloads("StartTransaction").count == 3)
    }

    @Test("Power loss ends the transaction with PowerLoss after power returns, and the station boots")
    func powerLoss() throws {
        var station = TransactionTests.booted()
        try Self.charging(&station)
        station.advance(seconds: 60)
        let before = try #require(station.connector(1)?.meterWh)
        try station.perform(.powerLoss)
        #expect(station.disconnects == [true])
        #expect(throws: PhysicalActionError.self) { try station.perform(.presentIdTag("X", connector: 1)) }
        station.advance(seconds: 600)
        #expect(!station.model.isOnline)
        station.clearSent()
        try station.perform(.powerRestore)
        station.advance(seconds: 11)
        #expect(station.actions.first == "BootNotification")
        let stop = try #require(station.payloads("StopTransaction").first)
        #expect(stop["reason"] == "PowerLoss")
        #expect(stop["meterStop"] == .integer(before))
        #expect(throws: PhysicalActionError.self) { try station.perform(.powerRestore) }
    }

    @Test("Firmware update: Downloading, Downloaded, Installing, Installed, then a reboot")
    func firmwareUpdate() {
        var station = TransactionTests.booted()
        let retrieve = OCPPTimestamp.text(station.now.addingTimeInterval(60))
        #expect(station.call("UpdateFirmware", ["location": "https://firmware.example/emu.bin", "retrieveDate": .string(retrieve)])
            == .result([:]))
        station.advance(seconds: 90)
        #expect(station.payloads("FirmwareStatusNotification").compactMap { $0["status"]?.stringValue }
            == ["Downloading", "Downloaded", "Installing", "Installed"])
        #expect(station.actions.contains("BootNotification"))
    }

    @Test("Installed is reported before the reboot into the new firmware, however late the central system answers")
    func firmwareInstalledBeforeTheReboot() {
        var station = TransactionTests.booted()
        station.call("UpdateFirmware", ["location": "https://firmware.example/emu.bin", "retrieveDate": .string(OCPPTimestamp.text(station.now))])
        // Downloading at 0 s, Downloaded at 5, Installing at 6, Installed at 11, the reboot due at 12.
        station.advance(seconds: 10)
        station.holdCalls = true
        station.advance(seconds: 5)
        #expect(station.model.isOnline, "the reboot waits for the Installed report")
        #expect(station.disconnects.isEmpty)
        station.holdCalls = false
        station.deliver()
        station.advance(seconds: 2)
        #expect(station.payloads("FirmwareStatusNotification").compactMap { $0["status"]?.stringValue }
            == ["Downloading", "Downloaded", "Installing", "Installed"])
        #expect(station.disconnects == [false])
        station.advance(seconds: 15)
        #expect(station.actions.contains("BootNotification"))
    }

    @Test("Firmware from a location the station cannot fetch fails its download")
    func firmwareDownloadFails() {
        var station = TransactionTests.booted()
        station.call("UpdateFirmware", ["location": "gopher://firmware", "retrieveDate": .string(OCPPTimestamp.text(station.now))])
        station.advance(seconds: 30)
        #expect(station.payloads("FirmwareStatusNotification").compactMap { $0["status"]?.stringValue } == ["Downloading", "DownloadFailed"])
    }

    @Test("An image for another model downloads but fails to install, and the station stays up")
    func firmwareInstallationFails() {
        var station = TransactionTests.booted()
        station.call("UpdateFirmware", ["location": "https://fw.example/station/wrong-model.bin",
                                        "retrieveDate": .string(OCPPTimestamp.text(station.now))])
        station.advance(seconds: 60)
        #expect(station.payloads("FirmwareStatusNotification").compactMap { $0["status"]?.stringValue }
            == ["Downloading", "Downloaded", "Installing", "InstallationFailed"])
        #expect(station.disconnects.isEmpty)
        #expect(!station.actions.contains("BootNotification"))
    }

    @Test("GetDiagnostics names a file and reports Uploading then Uploaded (or UploadFailed)",
          arguments: [("ftp://logs.example/upload", "Uploaded"), ("mailto:ops@example", "UploadFailed")])
    func diagnostics(location: String, outcome: String) {
        var station = TransactionTests.booted()
        guard case .result(let answer) = station.call("GetDiagnostics", ["location": .string(location)]) else {
            Issue.record("GetDiagnostics failed")
            return
        }
        #expect(answer["fileName"]?.stringValue?.hasPrefix("diagnostics-CP-1-") == true)
        station.advance(seconds: 10)
        #expect(station.payloads("DiagnosticsStatusNotification").compactMap { $0["status"]?.stringValue } == ["Uploading", outcome])
    }
}
