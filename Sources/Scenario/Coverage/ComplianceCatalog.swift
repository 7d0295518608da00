/// The OCPP 1.6 compliance test catalog where the charge point is under test: 107 cases in 25 modules, ids and titles
/// only (from `shared/reference/ocpp16-cs-test-cases.md`). Coverage of the shipped scenarios is measured against it.
public enum ComplianceCatalog {
    /// The 25 modules in catalog order.
    public static let ocpp16ChargePoint: [ComplianceModule] = [
        module(1, "Cold Boot", "Core", [
            ("TC_001_CS", "Cold Boot Charge Point"),
            ("TC_002_CS", "Cold Boot – Pending"),
        ]),
        module(2, "Start Charging Session", "Core", [
            ("TC_003_CS", "Plugin First"),
            ("TC_004_1_CS", "Identification First"),
            ("TC_004_2_CS", "Identification First – ConnectionTimeOut"),
        ]),
        module(3, "Stop Charging Session", "Core", [
            ("TC_005_1_CS", "EV side disconnected, StopTxOnEVSideDisconnect=true, unlock=true"),
            ("TC_005_2_CS", "EV side disconnected, StopTxOnEVSideDisconnect=true, unlock=false"),
            ("TC_005_3_CS", "StopTxOnEVSideDisconnect=false"),
            ("TC_068_CS", "Stop – IdTag matches StartTransaction IdTag"),
            ("TC_069_CS", "Stop – ParentIdTag matches"),
        ]),
        module(4, "Cache", "Core", [
            ("TC_007_1_CS", "Regular start – Cached Id"),
            ("TC_007_2_CS", "Remote start – Cached Id"),
            ("TC_061_1_CS", "Clear auth cache – Local"),
            ("TC_061_2_CS", "Clear auth cache – Remote"),
        ]),
        module(5, "Remote Actions happy", "Core", [
            ("TC_010_CS", "Remote Start – cable plugged in first"),
            ("TC_011_1_CS", "Remote Start first"),
            ("TC_011_2_CS", "Remote Start – Time Out"),
            ("TC_012_CS", "Remote Stop"),
        ]),
        module(6, "Resetting happy", "Core", [
            ("TC_013_CS", "Hard Reset w/o tx"),
            ("TC_014_CS", "Soft Reset w/o tx"),
            ("TC_015_CS", "Hard Reset with tx"),
            ("TC_016_CS", "Soft Reset with tx"),
        ]),
        module(7, "Unlocking happy", "Core", [
            ("TC_017_1_CS", "Unlock – no session, not fixed cable"),
            ("TC_017_2_CS", "Unlock – no session, fixed cable"),
            ("TC_018_1_CS", "Unlock – with session, not fixed cable"),
            ("TC_018_2_CS", "Unlock – with session, fixed cable"),
        ]),
        module(8, "Configuration happy", "Core", [
            ("TC_019_CS", "Retrieve configuration"),
            ("TC_021_CS", "Change/set configuration"),
        ]),
        module(9, "Meter Values", "Core", [
            ("TC_070_CS", "Sampled Meter Values"),
            ("TC_071_CS", "Clock-aligned Meter Values"),
        ]),
        module(10, "Basic Actions non-happy", "Core", [
            ("TC_023_4_CS", "Local start – Authorize invalid"),
        ]),
        module(11, "Basic Actions non-happy 2", "Core", [
            ("TC_023_5_CS", "Remote start – Authorize invalid"),
            ("TC_024_CS", "Lock Failure"),
        ]),
        module(12, "Remote Actions non-happy", "Core", [
            ("TC_026_CS", "Remote Start – Rejected"),
            ("TC_027_CS", "Remote start – connectorId shall not be 0"),
            ("TC_028_CS", "Remote Stop – Rejected"),
        ]),
        module(13, "Unlocking non-happy", "Core", [
            ("TC_030_CS", "Unlock Failure"),
            ("TC_031_CS", "Unknown Connector"),
        ]),
        module(14, "Power Failure", "Core", [
            ("TC_032_1_CS", "Power failure – stop tx before going down"),
            ("TC_032_2_CS", "Power failure – stop tx after going down"),
            ("TC_034_CS", "Power failure with Unavailable status"),
        ]),
        module(15, "Offline Behavior", "Core", [
            ("TC_036_CS", "Connection loss during tx"),
            ("TC_037_1_CS", "Offline start – valid IdTag"),
            ("TC_037_2_CS", "Offline start – invalid IdTag, StopTransactionOnInvalidId=false"),
            ("TC_037_3_CS", "Offline start – invalid IdTag, StopTransactionOnInvalidId=true"),
            ("TC_038_CS", "Offline Stop"),
            ("TC_039_CS", "Offline Transaction"),
        ]),
        module(16, "Configuration Keys non-happy", "Core", [
            ("TC_040_1_CS", "Configuration key NotSupported"),
            ("TC_040_2_CS", "Configuration key – Invalid value"),
        ]),
        module(17, "Fault Behavior", "Core", [
            ("TC_041_CS", "Fault Behavior"),
        ]),
        module(18, "Local Authorization List", "LocalAuthListManagement", [
            ("TC_008_1_CS", "Regular start – Id in local list"),
            ("TC_008_2_CS", "Remote start – Id in local list"),
            ("TC_042_1_CS", "GetLocalListVersion (not supported)"),
            ("TC_042_2_CS", "GetLocalListVersion (empty)"),
            ("TC_043_1_CS", "SendLocalList NotSupported"),
            ("TC_043_2_CS", "SendLocalList VersionMismatch"),
            ("TC_043_3_CS", "SendLocalList Failed"),
            ("TC_043_CS", "SendLocalList"),
        ]),
        module(19, "Firmware Management", "FirmwareManagement", [
            ("TC_044_1_CS", "Download and Install"),
            ("TC_044_2_CS", "Download Failed"),
            ("TC_044_3_CS", "Installation Failed"),
        ]),
        module(20, "Diagnostics", "FirmwareManagement", [
            ("TC_045_1_CS", "Get Diagnostics"),
            ("TC_045_2_CS", "Upload Failed"),
        ]),
        module(21, "Reservation", "Reservation", [
            ("TC_046_1_CS", "Reservation of a connector – local start"),
            ("TC_046_2_CS", "Reservation of a connector – remote start"),
            ("TC_047_CS", "Reservation – Expire"),
            ("TC_048_1_CS", "Reserve connector – Faulted"),
            ("TC_048_2_CS", "Reserve connector – Occupied"),
            ("TC_048_3_CS", "Reserve connector – Unavailable"),
            ("TC_048_4_CS", "Reserve connector – Rejected"),
            ("TC_049_CS", "Reservation of a Charge Point (connectorId 0) – Transaction"),
            ("TC_050_1_CS", "Reserve charge point – Faulted"),
            ("TC_050_2_CS", "Reserve charge point – Occupied"),
            ("TC_050_3_CS", "Reserve charge point – Unavailable"),
            ("TC_050_4_CS", "Reserve charge point – Rejected"),
            ("TC_051_CS", "Reservation – Cancel"),
            ("TC_052_CS", "Reservation – Cancel – Rejected"),
            ("TC_053_1_CS", "Use a reserved connector with parentIdTag – Local"),
            ("TC_053_2_CS", "Use a reserved connector with parentIdTag – Remote"),
        ]),
        module(22, "Remote Trigger", "RemoteTrigger", [
            ("TC_054_CS", "Trigger Message"),
            ("TC_055_CS", "Trigger Message – Rejected"),
        ]),
        module(23, "Smart Charging", "SmartCharging", [
            ("TC_056_CS", "TxDefaultProfile"),
            ("TC_057_CS", "TxProfile"),
            ("TC_058_1_CS", "TxProfile – No ongoing tx"),
            ("TC_058_2_CS", "TxProfile – Wrong transactionId"),
            ("TC_059_CS", "RemoteStart with profile"),
            ("TC_060_CS", "RemoteStart with profile – Rejected"),
            ("TC_066_CS", "GetCompositeSchedule"),
            ("TC_067_CS", "ClearChargingProfile"),
            ("TC_072_CS", "Stacking profiles"),
            ("TC_082_CS", "TxDefaultProfile with ongoing tx"),
        ]),
        module(24, "Data Transfer", "Core", [
            ("TC_062_CS", "Data Transfer to a Charge Point"),
        ]),
        module(25, "Security", "Security", [
            ("TC_073_CS", "Update Basic-Auth password"),
            ("TC_074_CS", "Update CP certificate by CSMS request"),
            ("TC_075_1_CS", "Install ManufacturerRootCertificate"),
            ("TC_075_2_CS", "Install CentralSystemRootCertificate"),
            ("TC_076_CS", "Delete certificate"),
            ("TC_077_CS", "Invalid ChargePointCertificate event"),
            ("TC_078_CS", "Invalid CentralSystemCertificate event"),
            ("TC_079_CS", "Get Security Log"),
            ("TC_080_CS", "Secure Firmware Update"),
            ("TC_081_CS", "Secure Firmware Update – Invalid Signature"),
            ("TC_083_CS", "Upgrade security profile"),
            ("TC_084_CS", "Downgrade security profile – Rejected"),
            ("TC_085_CS", "Basic Auth valid user/password"),
            ("TC_086_CS", "TLS server cert valid"),
            ("TC_087_CS", "TLS client cert valid"),
        ]),
    ]

    /// Every case in catalog order.
    public static var allCases: [ComplianceCase] { ocpp16ChargePoint.flatMap(\.cases) }

    /// The case with `id`, `nil` when the catalog has none.
    public static func complianceCase(_ id: String) -> ComplianceCase? {
        allCases.first { $0.id == id }
    }

    private static func module(_ number: Int, _ name: String, _ profile: String, _ cases: [(String, String)]) -> ComplianceModule {
        ComplianceModule(number: number, name: name, profile: profile, cases: cases.map { ComplianceCase(id: $0.0, title: $0.1) })
    }
}
