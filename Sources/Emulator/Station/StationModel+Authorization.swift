import Foundation
import OCPP

/// Authorization of idTags: local list, cache, Authorize, and what follows the verdict.
extension StationModel {
    /// What the station decides about `idTag` on its own: from the local list and cache when LocalAuthorizeOffline,
    /// else accepted when AllowOfflineTxForUnknownId; `nil` means refused.
    func offlineAuthorization(_ idTag: String) -> IdTagInfo? {
        if configuration.flag(.localAuthorizeOffline), let known = knownAuthorization(idTag) { return known }
        return configuration.flag(.allowOfflineTxForUnknownId) ? IdTagInfo(status: .accepted) : nil
    }

    /// What the local list (when enabled) and the cache (when enabled) say about `idTag`.
    func knownAuthorization(_ idTag: String) -> IdTagInfo? {
        authorization.lookup(idTag, useList: configuration.flag(.localAuthListEnabled),
                             useCache: configuration.flag(.authorizationCacheEnabled))
    }

    mutating func rememberAuthorization(_ idTag: String, _ info: IdTagInfo) {
        if configuration.flag(.authorizationCacheEnabled) { authorization.remember(idTag, info) }
    }

    /// Authorizes `idTag` for a transaction on `connector` (`nil`: the station picks): at once from local knowledge
    /// (LocalPreAuthorize, or offline), else by asking the central system.
    mutating func authorize(_ idTag: String, connector: Int?, remote: Bool, now: Date) {
        if configuration.flag(.localPreAuthorize), let known = knownAuthorization(idTag),
            known.effectiveStatus(at: stationTime(now)) == .accepted
        {
            authorizationDecided(idTag, info: known, connector: connector, remote: remote, now: now)
        } else if isOnline, registration != .rejected {
            // Connected: asked at once, or (BootNotification not answered yet) once the registration is accepted.
            enqueue("Authorize", ["idTag": .string(idTag)], context: .authorize(connector: connector, remote: remote))
        } else {
            authorizationDecided(idTag, info: offlineAuthorization(idTag), connector: connector, remote: remote, now: now)
        }
    }

    mutating func authorizeAnswered(_ message: OutgoingMessage, info: IdTagInfo?, now: Date) {
        guard case .authorize(let connector, let remote) = message.context,
            let idTag = message.payload["idTag"]?.stringValue
        else { return }
        if let info { rememberAuthorization(idTag, info) }
        authorizationDecided(idTag, info: info, connector: connector, remote: remote, now: now)
    }

    /// The verdict on `idTag` is in. At a connector with a transaction, an accepted card of the same group
    /// (parentIdTag) stops it. Otherwise, when accepted, a transaction starts at once if the cable is in, or the
    /// connector waits ConnectionTimeOut for it.
    mutating func authorizationDecided(_ idTag: String, info: IdTagInfo?, connector requested: Int?, remote: Bool, now: Date) {
        if let requested, let running = connectors[requested].transaction {
            if !remote, let info, info.effectiveStatus(at: stationTime(now)) == .accepted, let group = info.parentIdTag,
                group == running.parentIdTag
            {
                endTransaction(connector: requested, reason: .local, idTag: idTag, now: now)
            }
            return
        }
        guard let info, info.effectiveStatus(at: stationTime(now)) == .accepted,
            let index = requested ?? connectorForNewTransaction(idTag: idTag),
            connectors[index].isFree, mayUse(index, idTag: idTag, parentIdTag: info.parentIdTag)
        else { return }
        let reservationId = connectors[index].reservation?.id
        if connectors[index].plugged {
            beginTransaction(connector: index, idTag: idTag, reservationId: reservationId, now: now)
            connectors[index].transaction?.parentIdTag = info.parentIdTag
        } else {
            connectors[index].pendingAuthorization = PendingAuthorization(idTag: idTag, reservationId: reservationId,
                                                                          parentIdTag: info.parentIdTag)
            ask(.startTimer(.authorizationTimeout(connector: index),
                                after: .seconds(configuration.integer(.connectionTimeOut))))
        }
    }

    /// Whether `idTag` may use connector `index`: it is not reserved, or reserved for this tag or its group.
    func mayUse(_ index: Int, idTag: String, parentIdTag: String?) -> Bool {
        guard let reservation = connectors[index].reservation else { return true }
        return reservation.idTag == idTag || (parentIdTag != nil && reservation.parentIdTag == parentIdTag)
    }

    /// The connector a driver without a choice gets: a reserved one for their tag, else one with the cable in and
    /// no transaction, else the first free one.
    func connectorForNewTransaction(idTag: String) -> Int? {
        let free = chargingConnectorIds.filter { connectors[$0].isFree }
        return free.first { connectors[$0].reservation?.idTag == idTag }
            ?? free.first { connectors[$0].plugged && connectors[$0].reservation == nil }
            ?? free.first { connectors[$0].reservation == nil && connectors[$0].pendingAuthorization == nil }
    }
}
