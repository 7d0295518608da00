import Foundation

/// What people and hardware do to the station.
extension StationModel {
    /// Carries out `action`; throws when it makes no physical sense (no such connector, a cable already in).
    mutating func perform(_ action: PhysicalAction, now: Date) throws(PhysicalActionError) {
        advance(to: now)
        func refuse(_ reason: String) -> PhysicalActionError { PhysicalActionError(action: action, reason: reason) }
        func checkConnector(_ id: Int, allowingZero: Bool = false) throws(PhysicalActionError) {
            let valid = allowingZero ? 0...profile.connectorCount : chargingConnectorIds
            guard valid.contains(id) else {
                throw refuse("the station has connectors \(valid.lowerBound)…\(valid.upperBound), not \(id)")
            }
        }
        switch action {
        case .plug(let id):
            try checkConnector(id)
            guard !connectors[id].plugged else { throw refuse("a cable is already plugged into connector \(id)") }
            connectors[id].plugged = true
            connectors[id].finishing = false
            if isPowered, connectors[id].transaction == nil, let pending = connectors[id].pendingAuthorization,
                connectors[id].isFree
            {
                beginTransaction(connector: id, idTag: pending.idTag, reservationId: pending.reservationId, now: now)
                connectors[id].transaction?.parentIdTag = pending.parentIdTag
            }
        case .unplug(let id):
            try checkConnector(id)
            guard connectors[id].plugged else { throw refuse("no cable is plugged into connector \(id)") }
            connectors[id].plugged = false
            connectors[id].finishing = false
            if isPowered, connectors[id].transaction != nil, configuration.flag(.stopTransactionOnEVSideDisconnect) {
                endTransaction(connector: id, reason: .evDisconnected, idTag: nil, now: now)
                connectors[id].finishing = false
            }
        case .presentIdTag(let idTag, let id):
            if let id { try checkConnector(id) }
            guard isPowered else { throw refuse("the station has no power") }
            guard !idTag.isEmpty, idTag.utf8.count <= 20 else { throw refuse("an idTag has 1 to 20 characters") }
            presentIdTag(idTag, connector: id, now: now)
        case .pressStop(let id):
            try checkConnector(id)
            guard isPowered else { throw refuse("the station has no power") }
            guard connectors[id].transaction != nil else { throw refuse("no transaction runs on connector \(id)") }
            endTransaction(connector: id, reason: .local, idTag: nil, now: now)
        case .raiseFault(let id, let errorCode):
            try checkConnector(id, allowingZero: true)
            guard errorCode != .noError else { throw refuse("a fault needs an error code other than NoError") }
            connectors[id].fault = errorCode
        case .clearFault(let id):
            try checkConnector(id, allowingZero: true)
            connectors[id].fault = nil
        case .networkLoss:
            guard isNetworkUp else { throw refuse("the network is down already") }
            isNetworkUp = false
            if isOnline { ask(.disconnect(abrupt: true)) }
        case .networkRestore:
            guard !isNetworkUp else { throw refuse("the network is up already") }
            isNetworkUp = true
        case .powerLoss:
            guard isPowered else { throw refuse("the station has no power already") }
            losePower(now)
        case .powerRestore:
            guard !isPowered else { throw refuse("the station has power already") }
            restorePower(now)
        }
        settle(now)
    }

    /// A card at the reader: it stops the transaction it started, or authorizes a new one.
    private mutating func presentIdTag(_ idTag: String, connector id: Int?, now: Date) {
        let candidates = id.map { [$0] } ?? Array(chargingConnectorIds)
        if let running = candidates.first(where: { connectors[$0].transaction?.idTag == idTag }) {
            endTransaction(connector: running, reason: .local, idTag: idTag, now: now)
            return
        }
        authorize(idTag, connector: id, remote: false, now: now)
    }
}
