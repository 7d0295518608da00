import Foundation
import OCPP

/// The queue of CALLs to the central system: ordering, the rules of registration, retries of transaction messages.
extension StationModel {
    /// Queues a CALL.
    mutating func enqueue(_ action: String, _ payload: JSONObject, transaction: Int? = nil, transactional: Bool = false,
                          triggered: Bool = false, context: OutgoingMessage.Context = .none) {
        outbox.append(OutgoingMessage(id: nextMessageId, action: action, payload: payload, transaction: transaction,
                                      transactional: transactional, triggered: triggered, context: context))
        nextMessageId += 1
    }

    /// The next CALL to send, `nil` when nothing may go now: offline, a CALL still awaits its answer (one at a time,
    /// as OCPP-J asks), or the registration allows nothing queued. Until accepted only BootNotification goes (and,
    /// while Pending, what TriggerMessage asked for); transaction messages keep their order.
    mutating func nextCall(_ now: Date) -> OutgoingCall? {
        guard isOnline, isPowered, inFlight == nil else { return nil }
        while let index = nextSendableIndex(now) {
            let message = outbox.remove(at: index)
            guard let payload = wirePayload(of: message) else { continue }
            inFlight = message
            return OutgoingCall(id: message.id, action: message.action, payload: payload)
        }
        return nil
    }

    private func nextSendableIndex(_ now: Date) -> Int? {
        var transactionalBlocked = false
        for (index, message) in outbox.enumerated() {
            if registration != .accepted {
                let allowed = message.action == "BootNotification" || (registration == .pending && message.triggered)
                guard allowed else { continue }
            }
            if message.transactional {
                if transactionalBlocked { continue }
                if let notBefore = message.notBefore, notBefore > now {
                    transactionalBlocked = true
                    continue
                }
            }
            return index
        }
        return nil
    }

    /// The payload as it goes on the wire: the central system's transaction id filled in, faults applied. `nil` when
    /// the message can no longer be sent (its transaction never got an id).
    private func wirePayload(of message: OutgoingMessage) -> JSONValue? {
        var payload = message.payload
        if let number = message.transaction, message.action != "StartTransaction" {
            guard let id = transactionIds[number] else { return nil }
            let wrong = message.action == "StopTransaction" && faults.contains(.wrongStopTransactionId)
            payload["transactionId"] = .integer(wrong ? id + 1_000 : id)
        }
        return FaultInjector.apply(faults, to: message.action, payload: .object(payload))
    }

    /// The central system answered CALL `id` with a CALLRESULT.
    mutating func callAnswered(_ id: Int, payload: JSONValue, now: Date) {
        guard let message = inFlight, message.id == id else { return }
        inFlight = nil
        advance(to: now)
        switch message.action {
        case "BootNotification": bootAnswered(payload, now: now)
        case "Heartbeat": synchronizeClock(payload["currentTime"], now: now)
        case "Authorize": authorizeAnswered(message, info: IdTagInfo(payload["idTagInfo"]), now: now)
        case "StartTransaction": startTransactionAnswered(message, payload: payload, now: now)
        case "StopTransaction":
            if let tag = message.payload["idTag"]?.stringValue, let info = IdTagInfo(payload["idTagInfo"]) {
                rememberAuthorization(tag, info)
            }
        default: break
        }
        publishStatusChanges(now)
    }

    /// CALL `id` got no CALLRESULT. Transaction messages are kept for another attempt (up to
    /// TransactionMessageAttempts, TransactionMessageRetryInterval apart; always after a lost connection); a
    /// BootNotification is retried later; other messages are given up.
    mutating func callFailed(_ id: Int, _ failure: CallFailure, now: Date) {
        guard var message = inFlight, message.id == id else { return }
        inFlight = nil
        advance(to: now)
        if message.transactional {
            if failure != .connectionLost {
                message.attempts += 1
                guard message.attempts < max(1, configuration.integer(.transactionMessageAttempts)) else {
                    publishStatusChanges(now)
                    return
                }
                let delay = configuration.integer(.transactionMessageRetryInterval) * message.attempts
                message.notBefore = now.addingTimeInterval(TimeInterval(delay))
                ask(.startTimer(.transactionRetry, after: .seconds(delay)))
            }
            outbox.insert(message, at: 0)
        } else if message.action == "BootNotification" {
            if failure != .connectionLost { ask(.startTimer(.bootRetry, after: .seconds(30))) }
        } else if case .authorize(let connector, let remote) = message.context, let tag = message.payload["idTag"]?.stringValue {
            authorizationDecided(tag, info: offlineAuthorization(tag), connector: connector, remote: remote, now: now)
        }
        publishStatusChanges(now)
    }

    /// Drops what cannot wait for a new connection: every message that is not a transaction message.
    mutating func dropVolatileMessages() {
        if let message = inFlight, message.transactional { outbox.insert(message, at: 0) }
        inFlight = nil
        outbox.removeAll { !$0.transactional }
    }

    /// Whether transaction messages are still waiting to be delivered.
    var hasTransactionMessagesPending: Bool {
        inFlight?.transactional == true || outbox.contains(where: \.transactional)
    }

    /// Whether a FirmwareStatusNotification is still waiting to be delivered: the Installed that precedes the reboot
    /// into the new firmware, which the reboot would otherwise drop with the other volatile messages when the central
    /// system is slow to answer the one before it.
    var hasFirmwareStatusPending: Bool {
        inFlight?.action == "FirmwareStatusNotification" || outbox.contains { $0.action == "FirmwareStatusNotification" }
    }
}
