import Foundation
import OCPP

/// Smart charging: SetChargingProfile, ClearChargingProfile, GetCompositeSchedule.
extension StationModel {
    mutating func setChargingProfile(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let id = try request.integer("connectorId")
        guard let value = request.value["csChargingProfiles"] else {
            throw CallRefusal(code: "OccurenceConstraintViolation", description: "SetChargingProfile: required field csChargingProfiles is missing")
        }
        let profile: ChargingProfile
        do {
            profile = try ChargingProfile(value, installedAt: stationTime(now))
        } catch {
            throw CallRefusal(code: "PropertyConstraintViolation",
                              description: "SetChargingProfile: csChargingProfiles.\(error.path) \(error.problem)")
        }
        guard connectors.indices.contains(id),
            profile.stackLevel <= configuration.integer(.chargeProfileMaxStackLevel),
            profile.periods.count <= configuration.integer(.chargingScheduleMaxPeriods)
        else { return ["status": "Rejected"] }
        switch profile.purpose {
        case .chargePointMaxProfile:
            guard id == 0 else { return ["status": "Rejected"] }
        case .txDefaultProfile:
            break
        case .txProfile:
            guard id > 0, let transaction = connectors[id].transaction,
                profile.transactionId == nil || profile.transactionId == transactionIds[transaction.localId]
            else { return ["status": "Rejected"] }
        }
        let replacing = chargingProfiles.installed.contains { $0.profile.id == profile.id }
        guard replacing || chargingProfiles.installed.count < configuration.integer(.maxChargingProfilesInstalled) else {
            return ["status": "Rejected"]
        }
        chargingProfiles.install(profile, on: id)
        advance(to: now)
        return ["status": "Accepted"]
    }

    mutating func clearChargingProfile(_ request: IncomingPayload) throws(CallRefusal) -> JSONObject {
        let id = try request.optionalInteger("id")
        let connector = try request.optionalInteger("connectorId")
        let purpose = try request.optionalString("chargingProfilePurpose").map { text throws(CallRefusal) in
            guard let purpose = ChargingProfile.Purpose(rawValue: text) else {
                throw CallRefusal(code: "PropertyConstraintViolation",
                                  description: "ClearChargingProfile: chargingProfilePurpose has a value outside its enumeration")
            }
            return purpose
        }
        let stackLevel = try request.optionalInteger("stackLevel")
        let cleared = chargingProfiles.clear(id: id, connector: connector, purpose: purpose, stackLevel: stackLevel)
        return ["status": cleared ? "Accepted" : "Unknown"]
    }

    func getCompositeSchedule(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let id = try request.integer("connectorId")
        let duration = try request.integer("duration")
        let unit = try request.optionalString("chargingRateUnit").map { ChargingRateUnit(rawValue: $0) } ?? .watts
        guard connectors.indices.contains(id), duration > 0, duration <= 31 * 86_400, let unit else {
            return ["status": "Rejected"]
        }
        let start = stationTime(now)
        let transaction = connectors[id].transaction.map {
            ChargingProfileStore.TransactionContext(id: transactionIds[$0.localId], start: $0.start)
        }
        let hardware = profile.maxPowerW * Double(id == 0 ? profile.connectorCount : 1)
        let periods = chargingProfiles.compositeSchedule(connector: id, from: start, duration: duration,
                                                         hardwareLimit: hardware, transaction: transaction)
        let schedule: JSONObject = [
            "duration": .integer(duration),
            "startSchedule": stamp(start),
            "chargingRateUnit": .string(unit.rawValue),
            "chargingSchedulePeriod": .array(periods.map {
                ["startPeriod": .integer($0.offset), "limit": .decimal(Self.tenths(unit.value(ofWatts: $0.watts)))]
            }),
        ]
        return ["status": "Accepted", "connectorId": .integer(id), "scheduleStart": stamp(start),
                "chargingSchedule": .object(schedule)]
    }

    /// `value` rounded down to a tenth, as the schema's `multipleOf: 0.1` wants.
    static func tenths(_ value: Double) -> Double {
        (value * 10).rounded(.down) / 10
    }
}
