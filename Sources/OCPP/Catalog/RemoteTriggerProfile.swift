/// The RemoteTrigger profile: the central system asks the charge point to send a message now.
enum RemoteTriggerProfile {
    static let actions: [OCPPAction] = [
        OCPPAction("TriggerMessage", .centralSystemToChargePoint, .remoteTrigger,
            request: [
                .required("requestedMessage", .enumeration(OCPPEnumeration("MessageTrigger", noun: "message triggers",
                    values: ["BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
                             "Heartbeat", "MeterValues", "StatusNotification"]))),
                .optional("connectorId", .integer),
            ],
            response: SharedTypes.statusResponse("TriggerMessageStatus", ["Accepted", "Rejected", "NotImplemented"])),
    ]
}
