import OCPP

extension StationSnapshot {
    /// The snapshot as JSON (the control API's `GET /status`).
    public var json: JSONValue {
        [
            "identity": .string(identity),
            "connected": .bool(connected),
            "powered": .bool(powered),
            "registration": .string(registration.rawValue),
            "pendingMessages": .integer(pendingMessages),
            "connectors": .array(connectors.map(\.json)),
        ]
    }
}

extension ConnectorSnapshot {
    /// The connector as JSON.
    public var json: JSONValue {
        var object: JSONObject = [
            "id": .integer(id),
            "status": .string(status.rawValue),
            "errorCode": .string(errorCode.rawValue),
            "plugged": .bool(plugged),
            "meterWh": .integer(meterWh),
            "powerW": .decimal(powerW),
        ]
        if let transactionId { object["transactionId"] = .integer(transactionId) }
        if let idTag { object["idTag"] = .string(idTag) }
        if let reservationId { object["reservationId"] = .integer(reservationId) }
        return .object(object)
    }
}
