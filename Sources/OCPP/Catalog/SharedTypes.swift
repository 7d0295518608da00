/// Enumerations and nested types that several actions share, named as in the OCPP 1.6 specification.
enum SharedTypes {
    static let authorizationStatus = OCPPEnumeration("AuthorizationStatus", noun: "authorization statuses",
        values: ["Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx"])

    static let idTagInfo = OCPPObjectDefinition("IdTagInfo", [
        .optional("expiryDate", .dateTime),
        .optional("parentIdTag", .ciString(20)),
        .required("status", .enumeration(authorizationStatus)),
    ])

    static let readingContext = OCPPEnumeration("ReadingContext", noun: "reading contexts", values: [
        "Interruption.Begin", "Interruption.End", "Sample.Clock", "Sample.Periodic",
        "Transaction.Begin", "Transaction.End", "Trigger", "Other",
    ])

    static let valueFormat = OCPPEnumeration("ValueFormat", noun: "value formats", values: ["Raw", "SignedData"])

    static let measurand = OCPPEnumeration("Measurand", noun: "measurands", values: [
        "Energy.Active.Export.Register", "Energy.Active.Import.Register",
        "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
        "Energy.Active.Export.Interval", "Energy.Active.Import.Interval",
        "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval",
        "Power.Active.Export", "Power.Active.Import", "Power.Offered",
        "Power.Reactive.Export", "Power.Reactive.Import", "Power.Factor",
        "Current.Import", "Current.Export", "Current.Offered",
        "Voltage", "Frequency", "Temperature", "SoC", "RPM",
    ])

    static let phase = OCPPEnumeration("Phase", noun: "phases",
        values: ["L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1"])

    static let location = OCPPEnumeration("Location", noun: "locations", values: ["Cable", "EV", "Inlet", "Outlet", "Body"])

    /// The units of measure. The published MeterValues schema also allows `Hertz`; the StopTransaction schema
    /// (`transactionData`) does not. The catalog keeps that difference so both messages are judged as published.
    static let unitsOfMeasure = [
        "Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V", "K",
        "Celcius", "Celsius", "Fahrenheit", "Percent",
    ]

    static let unitOfMeasure = OCPPEnumeration("UnitOfMeasure", noun: "units of measure", values: unitsOfMeasure)
    static let unitOfMeasureWithHertz = OCPPEnumeration("UnitOfMeasure", noun: "units of measure",
        values: unitsOfMeasure + ["Hertz"])

    /// A sampled value; `unit` differs between MeterValues and StopTransaction (see `unitsOfMeasure`).
    static func sampledValue(unit: OCPPEnumeration) -> OCPPObjectDefinition {
        OCPPObjectDefinition("SampledValue", [
            .required("value", .string()),
            .optional("context", .enumeration(readingContext)),
            .optional("format", .enumeration(valueFormat)),
            .optional("measurand", .enumeration(measurand)),
            .optional("phase", .enumeration(phase)),
            .optional("location", .enumeration(location)),
            .optional("unit", .enumeration(unit)),
        ])
    }

    /// A meter value as MeterValues carries it: at least one sampled value.
    static let meterValue = OCPPObjectDefinition("MeterValue", [
        .required("timestamp", .dateTime),
        .required("sampledValue", .array(of: .object(sampledValue(unit: unitOfMeasureWithHertz)), minItems: 1)),
    ])

    /// A meter value as StopTransaction's `transactionData` carries it (the published schema sets no minItems).
    static let transactionDataMeterValue = OCPPObjectDefinition("MeterValue", [
        .required("timestamp", .dateTime),
        .required("sampledValue", .array(of: .object(sampledValue(unit: unitOfMeasure)))),
    ])

    static let chargingProfilePurpose = OCPPEnumeration("ChargingProfilePurposeType", noun: "charging profile purposes",
        values: ["ChargePointMaxProfile", "TxDefaultProfile", "TxProfile"])

    static let chargingRateUnit = OCPPEnumeration("ChargingRateUnitType", noun: "charging rate units", values: ["A", "W"])

    static let chargingSchedule = OCPPObjectDefinition("ChargingSchedule", [
        .optional("duration", .integer),
        .optional("startSchedule", .dateTime),
        .required("chargingRateUnit", .enumeration(chargingRateUnit)),
        .required("chargingSchedulePeriod", .array(of: .object(OCPPObjectDefinition("ChargingSchedulePeriod", [
            .required("startPeriod", .integer),
            .required("limit", .decimalTenths),
            .optional("numberPhases", .integer),
        ])))),
        .optional("minChargingRate", .decimalTenths),
    ])

    static let chargingProfile = OCPPObjectDefinition("ChargingProfile", [
        .required("chargingProfileId", .integer),
        .optional("transactionId", .integer),
        .required("stackLevel", .integer),
        .required("chargingProfilePurpose", .enumeration(chargingProfilePurpose)),
        .required("chargingProfileKind", .enumeration(OCPPEnumeration("ChargingProfileKindType",
            noun: "charging profile kinds", values: ["Absolute", "Recurring", "Relative"]))),
        .optional("recurrencyKind", .enumeration(OCPPEnumeration("RecurrencyKindType", noun: "recurrency kinds",
            values: ["Daily", "Weekly"]))),
        .optional("validFrom", .dateTime),
        .optional("validTo", .dateTime),
        .required("chargingSchedule", .object(chargingSchedule)),
    ])

    static let acceptedRejected = OCPPEnumeration("GenericStatus", noun: "statuses", values: ["Accepted", "Rejected"])

    /// A response carrying only `status`, one of `values`.
    static func statusResponse(_ name: String, _ values: [String]) -> [OCPPField] {
        [.required("status", .enumeration(OCPPEnumeration(name, noun: "statuses", values: values)))]
    }

    /// A response carrying only `status: Accepted | Rejected`.
    static let acceptedRejectedResponse: [OCPPField] = [.required("status", .enumeration(acceptedRejected))]
}
