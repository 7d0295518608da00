import Foundation
import OCPP

/// A firmware update in progress (UpdateFirmware).
struct FirmwareUpdate: Sendable {
    /// The last FirmwareStatusNotification status sent, "Idle" while waiting for the retrieve date.
    var status: String
    /// Whether the download fails (the location's scheme is not one the station can fetch from).
    let downloadFails: Bool
    /// Whether the image downloads but does not install (its file name says it is for another model or broken).
    let installationFails: Bool
}

/// A diagnostics upload in progress (GetDiagnostics).
struct DiagnosticsUpload: Sendable {
    var status: String
    let uploadFails: Bool
}

/// Firmware updates and diagnostics uploads, with their status notifications. The transfers are simulated: the
/// station goes through the statuses a real one does, a few seconds of run time apart.
extension StationModel {
    /// The URL schemes the station can transfer files with.
    static let transferSchemes: Set<String> = ["ftp", "ftps", "sftp", "http", "https"]

    /// File-name words that mark an image the station refuses to install, so a scenario can provoke
    /// InstallationFailed.
    static let uninstallableMarkers = ["wrong-model", "corrupt", "invalid"]

    private static func isUninstallable(_ location: String) -> Bool {
        let name = (URL(string: location)?.lastPathComponent ?? location).lowercased()
        return uninstallableMarkers.contains { name.contains($0) }
    }

    private static func canTransfer(_ location: String) -> Bool {
        guard let scheme = URL(string: location)?.scheme?.lowercased() else { return false }
        return transferSchemes.contains(scheme)
    }

    mutating func updateFirmware(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let location = try request.string("location")
        let retrieveDate = try request.date("retrieveDate")
        firmwareUpdate = FirmwareUpdate(status: "Idle", downloadFails: !Self.canTransfer(location),
                                        installationFails: Self.isUninstallable(location))
        let wait = max(0, retrieveDate.timeIntervalSince(stationTime(now)))
        ask(.startTimer(.firmware, after: .milliseconds(Int(wait * 1_000))))
        return [:]
    }

    mutating func advanceFirmwareUpdate(_ now: Date) {
        guard var update = firmwareUpdate else { return }
        let next: String
        var delay = 5
        switch update.status {
        case "Idle": next = "Downloading"
        case "Downloading": next = update.downloadFails ? "DownloadFailed" : "Downloaded"
        case "Downloaded": next = "Installing"
        case "Installing": next = update.installationFails ? "InstallationFailed" : "Installed"
        default: return
        }
        update.status = next
        enqueue("FirmwareStatusNotification", ["status": .string(next)])
        switch next {
        case "DownloadFailed", "InstallationFailed":
            firmwareUpdate = nil
        case "Installed":
            firmwareUpdate = nil
            for index in chargingConnectorIds where connectors[index].transaction != nil {
                endTransaction(connector: index, reason: .reboot, idTag: nil, now: now)
            }
            beginReset(.soft)
        default:
            if next == "Downloaded" { delay = 1 }
            firmwareUpdate = update
            ask(.startTimer(.firmware, after: .seconds(delay)))
        }
    }

    mutating func getDiagnostics(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let location = try request.string("location")
        _ = try request.optionalDate("startTime")
        _ = try request.optionalDate("stopTime")
        let stamp = Int(stationTime(now).timeIntervalSince1970)
        diagnosticsUpload = DiagnosticsUpload(status: "Idle", uploadFails: !Self.canTransfer(location))
        ask(.startTimer(.diagnostics, after: .seconds(1)))
        return ["fileName": .string("diagnostics-\(identity.prefix(32))-\(stamp).log")]
    }

    mutating func advanceDiagnosticsUpload(_ now: Date) {
        guard var upload = diagnosticsUpload else { return }
        switch upload.status {
        case "Idle":
            upload.status = "Uploading"
            diagnosticsUpload = upload
            ask(.startTimer(.diagnostics, after: .seconds(5)))
        case "Uploading":
            upload.status = upload.uploadFails ? "UploadFailed" : "Uploaded"
            diagnosticsUpload = nil
        default:
            return
        }
        enqueue("DiagnosticsStatusNotification", ["status": .string(upload.status)])
    }
}
