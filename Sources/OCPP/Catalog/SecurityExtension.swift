/// The 11 actions that the OCPP 1.6 security extension (the Security Whitepaper) adds.
enum SecurityExtension {
    static let certificateUse = OCPPEnumeration("CertificateUseEnumType", noun: "certificate uses",
        values: ["CentralSystemRootCertificate", "ManufacturerRootCertificate"])

    static let certificateHashData = OCPPObjectDefinition("CertificateHashDataType", [
        .required("hashAlgorithm", .enumeration(OCPPEnumeration("HashAlgorithmEnumType", noun: "hash algorithms",
            values: ["SHA256", "SHA384", "SHA512"]))),
        .required("issuerNameHash", .ciString(128)),
        .required("issuerKeyHash", .ciString(128)),
        .required("serialNumber", .ciString(40)),
    ])

    static let actions: [OCPPAction] = [
        OCPPAction("CertificateSigned", .centralSystemToChargePoint, .security,
            request: [.required("certificateChain", .ciString(10000))],
            response: SharedTypes.statusResponse("CertificateSignedStatusEnumType", ["Accepted", "Rejected"])),

        OCPPAction("DeleteCertificate", .centralSystemToChargePoint, .security,
            request: [.required("certificateHashData", .object(certificateHashData))],
            response: SharedTypes.statusResponse("DeleteCertificateStatusEnumType", ["Accepted", "Failed", "NotFound"])),

        OCPPAction("ExtendedTriggerMessage", .centralSystemToChargePoint, .security,
            request: [
                .required("requestedMessage", .enumeration(OCPPEnumeration("MessageTriggerEnumType",
                    noun: "message triggers", values: [
                        "BootNotification", "LogStatusNotification", "FirmwareStatusNotification", "Heartbeat",
                        "MeterValues", "SignChargePointCertificate", "StatusNotification",
                    ]))),
                .optional("connectorId", .integer),
            ],
            response: SharedTypes.statusResponse("TriggerMessageStatusEnumType",
                ["Accepted", "Rejected", "NotImplemented"])),

        OCPPAction("GetInstalledCertificateIds", .centralSystemToChargePoint, .security,
            request: [.required("certificateType", .enumeration(certificateUse))],
            response: [
                .optional("certificateHashData", .array(of: .object(certificateHashData), minItems: 1)),
                .required("status", .enumeration(OCPPEnumeration("GetInstalledCertificateStatusEnumType",
                    noun: "statuses", values: ["Accepted", "NotFound"]))),
            ]),

        OCPPAction("GetLog", .centralSystemToChargePoint, .security,
            request: [
                .required("log", .object(OCPPObjectDefinition("LogParametersType", [
                    .required("remoteLocation", .ciString(512)),
                    .optional("oldestTimestamp", .dateTime),
                    .optional("latestTimestamp", .dateTime),
                ]))),
                .required("logType", .enumeration(OCPPEnumeration("LogEnumType", noun: "log types",
                    values: ["DiagnosticsLog", "SecurityLog"]))),
                .required("requestId", .integer),
                .optional("retries", .integer),
                .optional("retryInterval", .integer),
            ],
            response: [
                .required("status", .enumeration(OCPPEnumeration("LogStatusEnumType", noun: "statuses",
                    values: ["Accepted", "Rejected", "AcceptedCanceled"]))),
                .optional("filename", .ciString(255)),
            ]),

        OCPPAction("InstallCertificate", .centralSystemToChargePoint, .security,
            request: [
                .required("certificateType", .enumeration(certificateUse)),
                .required("certificate", .ciString(5500)),
            ],
            response: SharedTypes.statusResponse("InstallCertificateStatusEnumType",
                ["Accepted", "Failed", "Rejected"])),

        OCPPAction("LogStatusNotification", .chargePointToCentralSystem, .security,
            request: [
                .required("status", .enumeration(OCPPEnumeration("UploadLogStatusEnumType", noun: "upload statuses",
                    values: ["BadMessage", "Idle", "NotSupportedOperation", "PermissionDenied", "Uploaded",
                             "UploadFailure", "Uploading"]))),
                .optional("requestId", .integer),
            ],
            response: []),

        OCPPAction("SecurityEventNotification", .chargePointToCentralSystem, .security,
            request: [
                .required("type", .ciString(50)),
                .required("timestamp", .dateTime),
                .optional("techInfo", .ciString(255)),
            ],
            response: []),

        OCPPAction("SignCertificate", .chargePointToCentralSystem, .security,
            request: [.required("csr", .ciString(5500))],
            response: SharedTypes.statusResponse("GenericStatusEnumType", ["Accepted", "Rejected"])),

        OCPPAction("SignedFirmwareStatusNotification", .chargePointToCentralSystem, .security,
            request: [
                .required("status", .enumeration(OCPPEnumeration("FirmwareStatusEnumType", noun: "firmware statuses",
                    values: [
                        "Downloaded", "DownloadFailed", "Downloading", "DownloadScheduled", "DownloadPaused", "Idle",
                        "InstallationFailed", "Installing", "Installed", "InstallRebooting", "InstallScheduled",
                        "InstallVerificationFailed", "InvalidSignature", "SignatureVerified",
                    ]))),
                .optional("requestId", .integer),
            ],
            response: []),

        OCPPAction("SignedUpdateFirmware", .centralSystemToChargePoint, .security,
            request: [
                .optional("retries", .integer),
                .optional("retryInterval", .integer),
                .required("requestId", .integer),
                .required("firmware", .object(OCPPObjectDefinition("FirmwareType", [
                    .required("location", .ciString(512)),
                    .required("retrieveDateTime", .dateTime),
                    .optional("installDateTime", .dateTime),
                    .required("signingCertificate", .ciString(5500)),
                    .required("signature", .ciString(800)),
                ]))),
            ],
            response: SharedTypes.statusResponse("UpdateFirmwareStatusEnumType",
                ["Accepted", "Rejected", "AcceptedCanceled", "InvalidCertificate", "RevokedCertificate"])),
    ]
}
