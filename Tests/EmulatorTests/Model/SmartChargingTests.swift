import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: smart charging")
struct SmartChargingTests {
    static func profile(id: Int, purpose: String, stackLevel: Int = 0, kind: String = "Relative", unit: String = "A",
                        periods: [(Int, Double)], duration: Int? = nil, transactionId: Int? = nil) -> JSONValue {
        var schedule: JSONObject = [
            "chargingRateUnit": .string(unit),
            "chargingSchedulePeriod": .array(periods.map { ["startPeriod": .integer($0.0), "limit": .decimal($0.1)] }),
        ]
        if let duration { schedule["duration"] = .integer(duration) }
        var profile: JSONObject = [
            "chargingProfileId": .integer(id), "stackLevel": .integer(stackLevel),
            "chargingProfilePurpose": .string(purpose), "chargingProfileKind": .string(kind),
            "chargingSchedule": .object(schedule),
        ]
        if let transactionId { profile["transactionId"] = .integer(transactionId) }
        return .object(profile)
    }

    static func periods(_ answer: IncomingCallOutcome) -> [[Double]] {
        guard case .result(let value) = answer,
            let periods = value["chargingSchedule"]?["chargingSchedulePeriod"]?.arrayValue
        else { return [] }
        return periods.compactMap { period in
            guard let start = period["startPeriod"]?.doubleValue, let limit = period["limit"]?.doubleValue else { return nil }
            return [start, limit]
        }
    }

    @Test("A TxDefaultProfile limits the meter's power and shows in the composite schedule")
    func defaultProfileLimitsPower() throws {
        var station = TransactionTests.booted()
        let profile = Self.profile(id: 1, purpose: "TxDefaultProfile", periods: [(0, 6), (1_800, 10)])
        #expect(station.status(of: "SetChargingProfile", ["connectorId": 0, "csChargingProfiles": profile]) == "Accepted")
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        station.advance(seconds: 60)
        #expect(station.connector(1)?.powerW == 4_140.0)
        let composite = station.call("GetCompositeSchedule", ["connectorId": 1, "duration": 3_600, "chargingRateUnit": "A"])
        #expect(Self.periods(composite) == [[0, 6], [1_740, 10]])
        station.advance(seconds: 1_800)
        // 10 A × 3 × 230 V = 6.9 kW, less than the EV would draw.
        #expect(station.connector(1)?.powerW == 6_900.0)
    }

    @Test("Stack levels: the highest level that says something wins; ChargePointMaxProfile caps everything")
    func stacking() throws {
        var station = TransactionTests.booted()
        let base = Self.profile(id: 1, purpose: "TxDefaultProfile", stackLevel: 0, unit: "W", periods: [(0, 7_000)])
        let boost = Self.profile(id: 2, purpose: "TxDefaultProfile", stackLevel: 2, unit: "W", periods: [(0, 9_000)], duration: 600)
        let cap = Self.profile(id: 3, purpose: "ChargePointMaxProfile", stackLevel: 0, unit: "W", periods: [(0, 8_000)])
        for (connector, profile) in [(1, base), (1, boost), (0, cap)] {
            #expect(station.status(of: "SetChargingProfile", ["connectorId": .integer(connector), "csChargingProfiles": profile]) == "Accepted")
        }
        let composite = station.call("GetCompositeSchedule", ["connectorId": 1, "duration": 1_200])
        #expect(Self.periods(composite) == [[0, 8_000], [600, 7_000]])
        #expect(station.status(of: "ClearChargingProfile", ["id": 3]) == "Accepted")
        #expect(Self.periods(station.call("GetCompositeSchedule", ["connectorId": 1, "duration": 1_200])) == [[0, 9_000], [600, 7_000]])
        #expect(station.status(of: "ClearChargingProfile", ["id": 3]) == "Unknown")
        #expect(station.status(of: "ClearChargingProfile", ["chargingProfilePurpose": "TxDefaultProfile"]) == "Accepted")
        #expect(Self.periods(station.call("GetCompositeSchedule", ["connectorId": 1, "duration": 600])) == [[0, 22_080]])
    }

    @Test("A TxProfile needs a transaction, wins over the default, and goes with the transaction")
    func transactionProfile() throws {
        var station = TransactionTests.booted()
        let txProfile = Self.profile(id: 5, purpose: "TxProfile", unit: "W", periods: [(0, 0)])
        #expect(station.status(of: "SetChargingProfile", ["connectorId": 1, "csChargingProfiles": txProfile]) == "Rejected")
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        #expect(station.status(of: "SetChargingProfile", ["connectorId": 1, "csChargingProfiles": txProfile]) == "Accepted")
        #expect(station.connector(1)?.status == .suspendedEVSE)
        #expect(station.statuses(of: 1).suffix(2) == ["Charging", "SuspendedEVSE"])
        try station.perform(.presentIdTag("TAG-1", connector: 1))
        #expect(station.model.chargingProfiles.installed.isEmpty)
    }

    @Test("RemoteStartTransaction with a TxProfile applies it; with another purpose it is Rejected")
    func remoteStartProfile() throws {
        var station = TransactionTests.booted()
        try station.perform(.plug(connector: 1))
        let wrong = Self.profile(id: 6, purpose: "TxDefaultProfile", periods: [(0, 8)])
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "T", "chargingProfile": wrong]) == "Rejected")
        let right = Self.profile(id: 6, purpose: "TxProfile", periods: [(0, 8)])
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "T", "chargingProfile": right]) == "Accepted")
        #expect(station.connector(1)?.powerW == 5_520.0)
    }

    @Test("Invalid profiles are refused with the field named", arguments: [
        ("ChargePointMaxProfile on a connector", 1, SmartChargingTests.profile(id: 1, purpose: "ChargePointMaxProfile", periods: [(0, 10)]), "Rejected"),
        ("stack level above the maximum", 0, SmartChargingTests.profile(id: 1, purpose: "TxDefaultProfile", stackLevel: 11, periods: [(0, 10)]), "Rejected"),
        ("no such connector", 9, SmartChargingTests.profile(id: 1, purpose: "TxDefaultProfile", periods: [(0, 10)]), "Rejected"),
    ])
    func refusedProfiles(name: String, connector: Int, profile: JSONValue, status: String) {
        var station = TransactionTests.booted()
        #expect(station.status(of: "SetChargingProfile", ["connectorId": .integer(connector), "csChargingProfiles": profile]) == status)
    }

    @Test("A schedule whose periods do not increase is a CALLERROR naming the field")
    func malformedSchedule() {
        var station = TransactionTests.booted()
        let profile = Self.profile(id: 1, purpose: "TxDefaultProfile", periods: [(0, 10), (0, 5)])
        let outcome = station.call("SetChargingProfile", ["connectorId": 1, "csChargingProfiles": profile])
        guard case .error(let code, let description) = outcome else {
            Issue.record("expected a CALLERROR, got \(outcome)")
            return
        }
        #expect(code == "PropertyConstraintViolation")
        #expect(description.contains("chargingSchedulePeriod[1].startPeriod"))
    }

    @Test("Recurring daily profiles repeat in the composite schedule")
    func recurring() {
        var station = TransactionTests.booted()
        var profile = Self.profile(id: 1, purpose: "TxDefaultProfile", kind: "Recurring", unit: "W",
                                   periods: [(0, 5_000), (3_600, 11_000)], duration: 7_200)
        guard case .object(var object) = profile, case .object(var schedule) = object["chargingSchedule"] else { return }
        object["recurrencyKind"] = "Daily"
        schedule["startSchedule"] = .string(OCPPTimestamp.text(station.now))
        object["chargingSchedule"] = .object(schedule)
        profile = .object(object)
        #expect(station.status(of: "SetChargingProfile", ["connectorId": 1, "csChargingProfiles": profile]) == "Accepted")
        let composite = station.call("GetCompositeSchedule", ["connectorId": 1, "duration": .integer(2 * 86_400)])
        #expect(Self.periods(composite) == [[0, 5_000], [3_600, 11_000], [7_200, 22_080], [86_400, 5_000],
                                            [90_000, 11_000], [93_600, 22_080]])
    }
}
