import Foundation
import OCPP

/// Reservations (ReserveNow, CancelReservation).
extension StationModel {
    mutating func reserveNow(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let id = try request.integer("connectorId")
        let expiry = try request.date("expiryDate")
        let idTag = try request.string("idTag")
        let parentIdTag = try request.optionalString("parentIdTag")
        let reservationId = try request.integer("reservationId")
        guard chargingConnectorIds.contains(id) else { return ["status": "Rejected"] }
        let connector = connectors[id]
        if connector.fault != nil { return ["status": "Faulted"] }
        if connector.availability == .inoperative { return ["status": "Unavailable"] }
        let sameReservation = connector.reservation?.id == reservationId
        if connector.transaction != nil || connector.plugged || connector.pendingAuthorization != nil
            || (connector.reservation != nil && !sameReservation)
        {
            return ["status": "Occupied"]
        }
        for index in chargingConnectorIds where connectors[index].reservation?.id == reservationId {
            connectors[index].reservation = nil
        }
        connectors[id].reservation = Reservation(id: reservationId, idTag: idTag, parentIdTag: parentIdTag, expiry: expiry)
        let wait = max(0, expiry.timeIntervalSince(stationTime(now)))
        ask(.startTimer(.reservationExpiry(connector: id), after: .milliseconds(Int(wait * 1_000))))
        return ["status": "Accepted"]
    }

    mutating func cancelReservation(_ request: IncomingPayload) throws(CallRefusal) -> JSONObject {
        let reservationId = try request.integer("reservationId")
        guard let index = chargingConnectorIds.first(where: { connectors[$0].reservation?.id == reservationId }) else {
            return ["status": "Rejected"]
        }
        connectors[index].reservation = nil
        ask(.cancelTimer(.reservationExpiry(connector: index)))
        return ["status": "Accepted"]
    }
}
