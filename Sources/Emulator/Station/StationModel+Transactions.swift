import Foundation
import OCPP

/// Transactions: StartTransaction, StopTransaction and their answers.
extension StationModel {
    /// Starts a transaction on `connector` for `idTag` and queues StartTransaction.
    mutating func beginTransaction(connector index: Int, idTag: String, reservationId: Int?, now: Date) {
        let number = nextTransactionNumber
        nextTransactionNumber += 1
        var transaction = Transaction(localId: number, idTag: idTag, start: stationTime(now),
                                      meterStartWh: connectors[index].registerWh, reservationId: reservationId)
        transaction.recordedValues = recordedSample(connector: index, context: "Transaction.Begin", now: now)
        connectors[index].transaction = transaction
        connectors[index].pendingAuthorization = nil
        connectors[index].reservation = nil
        connectors[index].finishing = false
        ask(.cancelTimer(.authorizationTimeout(connector: index)))
        ask(.cancelTimer(.reservationExpiry(connector: index)))
        if !faults.contains(.neverSendStartTransaction) {
            var payload: JSONObject = [
                "connectorId": .integer(index),
                "idTag": .string(idTag),
                "meterStart": .integer(reportedRegister(index)),
                "timestamp": timestamp(now),
            ]
            if let reservationId { payload["reservationId"] = .integer(reservationId) }
            enqueue("StartTransaction", payload, transaction: number, transactional: true)
        }
        scheduleMeterSample(connector: index)
        advance(to: now)
    }

    mutating func startTransactionAnswered(_ message: OutgoingMessage, payload: JSONValue, now: Date) {
        guard let number = message.transaction, let id = payload["transactionId"]?.integerValue else { return }
        transactionIds[number] = id
        let info = IdTagInfo(payload["idTagInfo"])
        if let tag = message.payload["idTag"]?.stringValue, let info { rememberAuthorization(tag, info) }
        guard let index = chargingConnectorIds.first(where: { connectors[$0].transaction?.localId == number }) else { return }
        if let group = info?.parentIdTag { connectors[index].transaction?.parentIdTag = group }
        if info?.effectiveStatus(at: stationTime(now)) != .accepted {
            if configuration.flag(.stopTransactionOnInvalidId) {
                endTransaction(connector: index, reason: .deAuthorized, idTag: nil, now: now)
            } else {
                connectors[index].transaction?.deauthorized = true
            }
        }
        if faults.contains(.dropMidTransaction), !droppedTransactions.contains(number), connectors[index].transaction != nil {
            droppedTransactions.insert(number)
            ask(.disconnect(abrupt: true))
        }
        advance(to: now)
    }

    /// Ends the transaction on `connector` for `reason` and queues StopTransaction with the transaction data.
    /// `stoppedAt` overrides the stop time (a power loss ends the transaction when the power went).
    mutating func endTransaction(connector index: Int, reason: StopReason, idTag: String?, now: Date, stoppedAt: Date? = nil) {
        guard var transaction = connectors[index].transaction else { return }
        transaction.recordedValues += recordedSample(connector: index, context: "Transaction.End", now: now)
        connectors[index].transaction = nil
        connectors[index].finishing = connectors[index].plugged
        connectors[index].powerW = 0
        if let scheduled = connectors[index].scheduledAvailability {
            connectors[index].availability = scheduled
            connectors[index].scheduledAvailability = nil
        }
        chargingProfiles.removeTransactionProfiles(on: index)
        ask(.cancelTimer(.meterSample(connector: index)))
        guard !faults.contains(.neverSendStartTransaction) else { return }
        var payload: JSONObject = [
            "transactionId": .integer(0),
            "meterStop": .integer(reportedRegister(index)),
            "timestamp": stoppedAt.map(stamp) ?? timestamp(now),
            "reason": .string(reason.rawValue),
        ]
        if let idTag { payload["idTag"] = .string(idTag) }
        if !transaction.recordedValues.isEmpty { payload["transactionData"] = .array(transaction.recordedValues) }
        enqueue("StopTransaction", payload, transaction: transaction.localId, transactional: true)
    }
}
