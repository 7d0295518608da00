/// The Core profile: 16 actions every OCPP 1.6 charge point and central system implement.
enum CoreProfile {
    static let registrationStatus = OCPPEnumeration("RegistrationStatus", noun: "registration statuses",
        values: ["Accepted", "Pending", "Rejected"])

    static let chargePointErrorCode = OCPPEnumeration("ChargePointErrorCode", noun: "charge point error codes", values: [
        "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature", "InternalError",
        "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure", "PowerMeterFailure", "PowerSwitchFailure",
        "ReaderFailure", "ResetFailure", "UnderVoltage", "OverVoltage", "WeakSignal",
    ])

    static let chargePointStatus = OCPPEnumeration("ChargePointStatus", noun: "charge point statuses", values: [
        "Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing", "Reserved",
        "Unavailable", "Faulted",
    ])

    static let stopReason = OCPPEnumeration("Reason", noun: "stop reasons", values: [
        "EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss", "Reboot", "Remote",
        "SoftReset", "UnlockCommand", "DeAuthorized",
    ])

    static let actions: [OCPPAction] = [
        OCPPAction("Authorize", .chargePointToCentralSystem, .core,
            request: [.required("idTag", .ciString(20))],
            response: [.required("idTagInfo", .object(SharedTypes.idTagInfo))]),

        OCPPAction("BootNotification", .chargePointToCentralSystem, .core,
            request: [
                .required("chargePointVendor", .ciString(20)),
                .required("chargePointModel", .ciString(20)),
                .optional("chargePointSerialNumber", .ciString(25)),
                .optional("chargeBoxSerialNumber", .ciString(25)),
                .optional("firmwareVersion", .ciString(50)),
                .optional("iccid", .ciString(20)),
                .optional("imsi", .ciString(20)),
                .optional("meterType", .ciString(25)),
                .optional("meterSerialNumber", .ciString(25)),
            ],
            response: [
                .required("status", .enumeration(registrationStatus)),
                .required("currentTime", .dateTime),
                .required("interval", .integer),
            ]),

        OCPPAction("ChangeAvailability", .centralSystemToChargePoint, .core,
            request: [
                .required("connectorId", .integer),
                .required("type", .enumeration(OCPPEnumeration("AvailabilityType", noun: "availability types",
                    values: ["Inoperative", "Operative"]))),
            ],
            response: SharedTypes.statusResponse("AvailabilityStatus", ["Accepted", "Rejected", "Scheduled"])),

        OCPPAction("ChangeConfiguration", .centralSystemToChargePoint, .core,
            request: [.required("key", .ciString(50)), .required("value", .ciString(500))],
            response: SharedTypes.statusResponse("ConfigurationStatus",
                ["Accepted", "Rejected", "RebootRequired", "NotSupported"])),

        OCPPAction("ClearCache", .centralSystemToChargePoint, .core,
            request: [],
            response: SharedTypes.statusResponse("ClearCacheStatus", ["Accepted", "Rejected"])),

        OCPPAction("DataTransfer", .both, .core,
            request: [
                .required("vendorId", .ciString(255)),
                .optional("messageId", .ciString(50)),
                .optional("data", .string()),
            ],
            response: [
                .required("status", .enumeration(OCPPEnumeration("DataTransferStatus", noun: "statuses",
                    values: ["Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId"]))),
                .optional("data", .string()),
            ]),

        OCPPAction("GetConfiguration", .centralSystemToChargePoint, .core,
            request: [.optional("key", .array(of: .ciString(50)))],
            response: [
                .optional("configurationKey", .array(of: .object(OCPPObjectDefinition("KeyValue", [
                    .required("key", .ciString(50)),
                    .required("readonly", .boolean),
                    .optional("value", .ciString(500)),
                ])))),
                .optional("unknownKey", .array(of: .ciString(50))),
            ]),

        OCPPAction("Heartbeat", .chargePointToCentralSystem, .core,
            request: [],
            response: [.required("currentTime", .dateTime)]),

        OCPPAction("MeterValues", .chargePointToCentralSystem, .core,
            request: [
                .required("connectorId", .integer),
                .optional("transactionId", .integer),
                .required("meterValue", .array(of: .object(SharedTypes.meterValue), minItems: 1)),
            ],
            response: []),

        OCPPAction("RemoteStartTransaction", .centralSystemToChargePoint, .core,
            request: [
                .optional("connectorId", .integer),
                .required("idTag", .ciString(20)),
                .optional("chargingProfile", .object(SharedTypes.chargingProfile)),
            ],
            response: SharedTypes.acceptedRejectedResponse),

        OCPPAction("RemoteStopTransaction", .centralSystemToChargePoint, .core,
            request: [.required("transactionId", .integer)],
            response: SharedTypes.acceptedRejectedResponse),

        OCPPAction("Reset", .centralSystemToChargePoint, .core,
            request: [.required("type", .enumeration(OCPPEnumeration("ResetType", noun: "reset types",
                values: ["Hard", "Soft"])))],
            response: SharedTypes.acceptedRejectedResponse),

        OCPPAction("StartTransaction", .chargePointToCentralSystem, .core,
            request: [
                .required("connectorId", .integer),
                .required("idTag", .ciString(20)),
                .required("meterStart", .integer),
                .optional("reservationId", .integer),
                .required("timestamp", .dateTime),
            ],
            response: [
                .required("idTagInfo", .object(SharedTypes.idTagInfo)),
                .required("transactionId", .integer),
            ]),

        OCPPAction("StatusNotification", .chargePointToCentralSystem, .core,
            request: [
                .required("connectorId", .integer),
                .required("errorCode", .enumeration(chargePointErrorCode)),
                .optional("info", .ciString(50)),
                .required("status", .enumeration(chargePointStatus)),
                .optional("timestamp", .dateTime),
                .optional("vendorId", .ciString(255)),
                .optional("vendorErrorCode", .ciString(50)),
            ],
            response: []),

        OCPPAction("StopTransaction", .chargePointToCentralSystem, .core,
            request: [
                .optional("idTag", .ciString(20)),
                .required("meterStop", .integer),
                .required("timestamp", .dateTime),
                .required("transactionId", .integer),
                .optional("reason", .enumeration(stopReason)),
                .optional("transactionData", .array(of: .object(SharedTypes.transactionDataMeterValue))),
            ],
            response: [.optional("idTagInfo", .object(SharedTypes.idTagInfo))]),

        OCPPAction("UnlockConnector", .centralSystemToChargePoint, .core,
            request: [.required("connectorId", .integer)],
            response: SharedTypes.statusResponse("UnlockStatus", ["Unlocked", "UnlockFailed", "NotSupported"])),
    ]
}
