import Foundation
import OCPP

/// The central system's CALLs: dispatch, and the core profile's commands.
extension StationModel {
    /// The security extension's commands to the station, known but not implemented by the emulator.
    static let unsupportedActions: Set<String> = [
        "CertificateSigned", "DeleteCertificate", "ExtendedTriggerMessage", "GetInstalledCertificateIds", "GetLog",
        "InstallCertificate", "SignedUpdateFirmware",
    ]

    /// Answers the central system's CALL `action` and does what it asks.
    mutating func handle(action: String, payload: JSONValue, now: Date) -> IncomingCallOutcome {
        advance(to: now)
        defer { publishStatusChanges(now) }
        do throws(CallRefusal) {
            let request = try IncomingPayload(action: action, value: payload)
            return .result(.object(try answer(action, request, now: now)))
        } catch {
            return .error(code: error.code, description: error.description)
        }
    }

    private mutating func answer(_ action: String, _ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        switch action {
        case "ChangeAvailability": return try changeAvailability(request)
        case "ChangeConfiguration": return try changeConfiguration(request, now: now)
        case "ClearCache":
            authorization.clearCache()
            return ["status": "Accepted"]
        case "DataTransfer": return try dataTransfer(request)
        case "GetConfiguration": return try getConfiguration(request)
        case "RemoteStartTransaction": return try remoteStartTransaction(request, now: now)
        case "RemoteStopTransaction": return try remoteStopTransaction(request, now: now)
        case "Reset":
            beginReset(try request.enumeration("type", as: ResetKind.self))
            return ["status": "Accepted"]
        case "UnlockConnector": return try unlockConnector(request, now: now)
        case "GetDiagnostics": return try getDiagnostics(request, now: now)
        case "UpdateFirmware": return try updateFirmware(request, now: now)
        case "GetLocalListVersion": return ["listVersion": .integer(authorization.listVersion)]
        case "SendLocalList": return try sendLocalList(request)
        case "ReserveNow": return try reserveNow(request, now: now)
        case "CancelReservation": return try cancelReservation(request)
        case "SetChargingProfile": return try setChargingProfile(request, now: now)
        case "ClearChargingProfile": return try clearChargingProfile(request)
        case "GetCompositeSchedule": return try getCompositeSchedule(request, now: now)
        case "TriggerMessage": return try triggerMessage(request, now: now)
        default:
            if Self.unsupportedActions.contains(action) {
                throw CallRefusal(code: "NotSupported", description: "\(action) is not supported by the emulator")
            }
            throw CallRefusal(code: "NotImplemented", description: "unknown action \(action)")
        }
    }

    private mutating func changeAvailability(_ request: IncomingPayload) throws(CallRefusal) -> JSONObject {
        let id = try request.integer("connectorId")
        let type = try request.enumeration("type", as: Availability.self)
        guard connectors.indices.contains(id) else { return ["status": "Rejected"] }
        var scheduled = false
        for index in id == 0 ? Array(connectors.indices) : [id] {
            if connectors[index].transaction != nil, type == .inoperative {
                connectors[index].scheduledAvailability = type
                scheduled = true
            } else {
                connectors[index].availability = type
                connectors[index].scheduledAvailability = nil
            }
        }
        return ["status": scheduled ? "Scheduled" : "Accepted"]
    }

    private func getConfiguration(_ request: IncomingPayload) throws(CallRefusal) -> JSONObject {
        var names: [String]?
        if let keys = request.value["key"] {
            guard let list = keys.arrayValue?.compactMap(\.stringValue), list.count == keys.arrayValue?.count else {
                throw CallRefusal(code: "TypeConstraintViolation", description: "GetConfiguration: key must be an array of strings")
            }
            names = list
        }
        let (known, unknown) = configuration.entries(for: names)
        var answer = JSONObject()
        if !known.isEmpty {
            answer["configurationKey"] = .array(known.map {
                ["key": .string($0.key), "readonly": .bool($0.readOnly), "value": .string($0.value)]
            })
        }
        if !unknown.isEmpty { answer["unknownKey"] = .array(unknown.map(JSONValue.string)) }
        return answer
    }

    private mutating func changeConfiguration(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let key = try request.string("key")
        let value = try request.string("value")
        guard !faults.contains(.refuseConfiguration) else { return ["status": "Rejected"] }
        let status = configuration.change(key, to: value)
        if status == .accepted || status == .rebootRequired {
            switch ConfigurationKey(rawValue: key) {
            case .heartbeatInterval?: if registration == .accepted { scheduleHeartbeat() }
            case .clockAlignedDataInterval?: if registration == .accepted { scheduleClockAlignedSample(now) }
            case .meterValueSampleInterval?: chargingConnectorIds.forEach { scheduleMeterSample(connector: $0) }
            default: break
            }
        }
        return ["status": .string(status.rawValue)]
    }

    private mutating func remoteStartTransaction(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let idTag = try request.string("idTag")
        let requested = try request.optionalInteger("connectorId")
        var chargingProfile: ChargingProfile?
        if let profileValue = request.value["chargingProfile"] {
            chargingProfile = try? ChargingProfile(profileValue, installedAt: stationTime(now))
            guard chargingProfile?.purpose == .txProfile else { return ["status": "Rejected"] }
        }
        guard !faults.contains(.rejectRemoteStart),
            let index = requested ?? connectorForNewTransaction(idTag: idTag),
            chargingConnectorIds.contains(index), connectors[index].isFree,
            connectors[index].pendingAuthorization == nil || connectors[index].pendingAuthorization?.idTag == idTag,
            mayUse(index, idTag: idTag, parentIdTag: knownAuthorization(idTag)?.parentIdTag)
                || authorizeDecidesGroup(index, idTag: idTag)
        else { return ["status": "Rejected"] }
        if let chargingProfile { chargingProfiles.install(chargingProfile, on: index) }
        if profile.plugsOnRemoteStart { connectors[index].plugged = true }
        if configuration.flag(.authorizeRemoteTxRequests) {
            authorize(idTag, connector: index, remote: true, now: now)
        } else {
            authorizationDecided(idTag, info: IdTagInfo(status: .accepted), connector: index, remote: true, now: now)
        }
        return ["status": "Accepted"]
    }

    /// Whether the Authorize of a remote start will tell if `idTag` belongs to the group a connector is reserved for:
    /// remote starts are authorized (AuthorizeRemoteTxRequests) and the station does not know the tag's group yet.
    private func authorizeDecidesGroup(_ index: Int, idTag: String) -> Bool {
        connectors[index].reservation?.parentIdTag != nil && knownAuthorization(idTag)?.parentIdTag == nil
            && configuration.flag(.authorizeRemoteTxRequests)
    }

    private mutating func remoteStopTransaction(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let id = try request.integer("transactionId")
        guard let index = chargingConnectorIds.first(where: {
            connectors[$0].transaction.flatMap { transactionIds[$0.localId] } == id
        }) else { return ["status": "Rejected"] }
        endTransaction(connector: index, reason: .remote, idTag: nil, now: now)
        return ["status": "Accepted"]
    }

    private mutating func unlockConnector(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let id = try request.integer("connectorId")
        guard chargingConnectorIds.contains(id) else { return ["status": "NotSupported"] }
        guard connectors[id].fault != .connectorLockFailure else { return ["status": "UnlockFailed"] }
        endTransaction(connector: id, reason: .unlockCommand, idTag: nil, now: now)
        return ["status": "Unlocked"]
    }

    private func dataTransfer(_ request: IncomingPayload) throws(CallRefusal) -> JSONObject {
        let vendorId = try request.string("vendorId")
        guard vendorId == profile.vendor else { return ["status": "UnknownVendorId"] }
        var answer: JSONObject = ["status": "Accepted"]
        if let data = try request.optionalString("data") { answer["data"] = .string(data) }
        return answer
    }
}
