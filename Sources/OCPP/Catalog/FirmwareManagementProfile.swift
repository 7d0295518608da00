/// The FirmwareManagement profile: firmware updates and diagnostics uploads.
enum FirmwareManagementProfile {
    static let actions: [OCPPAction] = [
        OCPPAction("DiagnosticsStatusNotification", .chargePointToCentralSystem, .firmwareManagement,
            request: [.required("status", .enumeration(OCPPEnumeration("DiagnosticsStatus", noun: "diagnostics statuses",
                values: ["Idle", "Uploaded", "UploadFailed", "Uploading"])))],
            response: []),

        OCPPAction("FirmwareStatusNotification", .chargePointToCentralSystem, .firmwareManagement,
            request: [.required("status", .enumeration(OCPPEnumeration("FirmwareStatus", noun: "firmware statuses",
                values: ["Downloaded", "DownloadFailed", "Downloading", "Idle", "InstallationFailed", "Installing",
                         "Installed"])))],
            response: []),

        OCPPAction("GetDiagnostics", .centralSystemToChargePoint, .firmwareManagement,
            request: [
                .required("location", .string(format: .uri)),
                .optional("retries", .integer),
                .optional("retryInterval", .integer),
                .optional("startTime", .dateTime),
                .optional("stopTime", .dateTime),
            ],
            response: [.optional("fileName", .ciString(255))]),

        OCPPAction("UpdateFirmware", .centralSystemToChargePoint, .firmwareManagement,
            request: [
                .required("location", .string(format: .uri)),
                .optional("retries", .integer),
                .required("retrieveDate", .dateTime),
                .optional("retryInterval", .integer),
            ],
            response: []),
    ]
}
