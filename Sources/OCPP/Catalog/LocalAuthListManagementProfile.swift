/// The LocalAuthListManagement profile: the central system manages the charge point's local list of id tags.
enum LocalAuthListManagementProfile {
    static let actions: [OCPPAction] = [
        OCPPAction("GetLocalListVersion", .centralSystemToChargePoint, .localAuthListManagement,
            request: [],
            response: [.required("listVersion", .integer)]),

        OCPPAction("SendLocalList", .centralSystemToChargePoint, .localAuthListManagement,
            request: [
                .required("listVersion", .integer),
                .optional("localAuthorizationList", .array(of: .object(OCPPObjectDefinition("AuthorizationData", [
                    .required("idTag", .ciString(20)),
                    .optional("idTagInfo", .object(SharedTypes.idTagInfo)),
                ])))),
                .required("updateType", .enumeration(OCPPEnumeration("UpdateType", noun: "update types",
                    values: ["Differential", "Full"]))),
            ],
            response: SharedTypes.statusResponse("UpdateStatus",
                ["Accepted", "Failed", "NotSupported", "VersionMismatch"])),
    ]
}
