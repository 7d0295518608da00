/// The SmartCharging profile: charging profiles and composite schedules.
enum SmartChargingProfile {
    static let actions: [OCPPAction] = [
        OCPPAction("ClearChargingProfile", .centralSystemToChargePoint, .smartCharging,
            request: [
                .optional("id", .integer),
                .optional("connectorId", .integer),
                .optional("chargingProfilePurpose", .enumeration(SharedTypes.chargingProfilePurpose)),
                .optional("stackLevel", .integer),
            ],
            response: SharedTypes.statusResponse("ClearChargingProfileStatus", ["Accepted", "Unknown"])),

        OCPPAction("GetCompositeSchedule", .centralSystemToChargePoint, .smartCharging,
            request: [
                .required("connectorId", .integer),
                .required("duration", .integer),
                .optional("chargingRateUnit", .enumeration(SharedTypes.chargingRateUnit)),
            ],
            response: [
                .required("status", .enumeration(SharedTypes.acceptedRejected)),
                .optional("connectorId", .integer),
                .optional("scheduleStart", .dateTime),
                .optional("chargingSchedule", .object(SharedTypes.chargingSchedule)),
            ]),

        OCPPAction("SetChargingProfile", .centralSystemToChargePoint, .smartCharging,
            request: [
                .required("connectorId", .integer),
                .required("csChargingProfiles", .object(SharedTypes.chargingProfile)),
            ],
            response: SharedTypes.statusResponse("ChargingProfileStatus", ["Accepted", "Rejected", "NotSupported"])),
    ]
}
