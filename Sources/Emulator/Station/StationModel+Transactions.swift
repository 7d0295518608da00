import Foundation
import OCPP

/// Authorization, transactions and meter values.
extension StationModel {
    // MARK: Authorization

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
        } else if isOnline, registration == .accepted {
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

    // MARK: Transactions

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

    // MARK: Meter values

    mutating func scheduleMeterSample(connector index: Int) {
        let interval = configuration.integer(.meterValueSampleInterval)
        guard interval > 0, connectors[index].transaction != nil else {
            ask(.cancelTimer(.meterSample(connector: index)))
            return
        }
        ask(.startTimer(.meterSample(connector: index), after: .seconds(interval)))
    }

    /// The periodic sample of a transaction (MeterValuesSampledData, context Sample.Periodic).
    mutating func samplePeriodically(connector index: Int, now: Date) {
        guard let transaction = connectors[index].transaction else { return }
        let value = meterValue(connector: index, measurands: sampledMeasurands, context: "Sample.Periodic", now: now)
        enqueueMeterValues(connector: index, values: [value], transaction: transaction.localId, triggered: false)
        if !configuration.measurands(.stopTxnSampledData).isEmpty {
            let sample = recordedSample(connector: index, context: "Sample.Periodic", now: now)
            connectors[index].transaction?.recordedValues += sample
        }
        scheduleMeterSample(connector: index)
    }

    /// The clock-aligned sample of every connector (MeterValuesAlignedData, context Sample.Clock), stamped with the
    /// boundary it belongs to.
    mutating func sampleClockAligned(_ now: Date) {
        let measurands = configuration.measurands(.meterValuesAlignedData)
        let interval = Double(max(1, configuration.integer(.clockAlignedDataInterval)))
        let boundary = Date(timeIntervalSince1970: (stationTime(now).timeIntervalSince1970 / interval).rounded() * interval)
        guard isOnline || connectors.contains(where: { $0.transaction != nil }), !measurands.isEmpty else { return }
        for index in chargingConnectorIds {
            let transaction = connectors[index].transaction
            guard transaction != nil || isOnline else { continue }
            let value = meterValue(connector: index, measurands: measurands, context: "Sample.Clock", now: now, at: boundary)
            enqueueMeterValues(connector: index, values: [value], transaction: transaction?.localId, triggered: false)
            let stopTxnAligned = configuration.measurands(.stopTxnAlignedData)
            if transaction != nil, !stopTxnAligned.isEmpty {
                let sample = meterValue(connector: index, measurands: stopTxnAligned, context: "Sample.Clock", now: now, at: boundary)
                connectors[index].transaction?.recordedValues.append(sample)
            }
        }
    }

    /// The measurands of periodic samples: MeterValuesSampledData, or the energy register when it is empty.
    var sampledMeasurands: [Measurand] {
        let configured = configuration.measurands(.meterValuesSampledData)
        return configured.isEmpty ? [.energyActiveImportRegister] : configured
    }

    mutating func enqueueMeterValues(connector index: Int, values: [JSONValue], transaction: Int?, triggered: Bool) {
        if transaction != nil, faults.contains(.neverSendStartTransaction) { return }
        enqueue("MeterValues", ["connectorId": .integer(index), "meterValue": .array(values)],
                transaction: transaction, transactional: transaction != nil && !triggered, triggered: triggered)
    }

    /// A StopTxnSampledData sample for the transaction data, none when that key is empty.
    func recordedSample(connector index: Int, context: String, now: Date) -> [JSONValue] {
        let measurands = configuration.measurands(.stopTxnSampledData)
        guard !measurands.isEmpty else { return [] }
        return [meterValue(connector: index, measurands: measurands, context: context, now: now)]
    }

    /// One `meterValue` object: a timestamp (`at`, a time of the station's clock, or now) and a sampled value per
    /// measurand.
    func meterValue(connector index: Int, measurands: [Measurand], context: String, now: Date, at time: Date? = nil) -> JSONValue {
        let connector = connectors[index]
        let samples: [JSONValue] = measurands.map { measurand in
            let value: String
            switch measurand {
            case .energyActiveImportRegister: value = String(reportedRegister(index))
            case .powerActiveImport: value = Self.decimal(connector.powerW)
            case .powerOffered: value = Self.decimal(connector.offeredW)
            case .currentImport: value = Self.decimal(ChargingRateUnit.amperes.value(ofWatts: connector.powerW))
            case .currentOffered: value = Self.decimal(ChargingRateUnit.amperes.value(ofWatts: connector.offeredW))
            case .voltage: value = Self.decimal(ChargingRateUnit.voltage)
            case .soc: value = Self.decimal(connector.stateOfCharge)
            case .temperature: value = Self.decimal(25 + connector.powerW / 1_000)
            }
            return [
                "value": .string(value), "context": .string(context), "measurand": .string(measurand.rawValue),
                "location": "Outlet", "unit": .string(measurand.unit),
            ]
        }
        return ["timestamp": time.map(stamp) ?? timestamp(now), "sampledValue": .array(samples)]
    }

    /// A measured quantity with one decimal, as meters write it.
    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
