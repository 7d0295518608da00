import Foundation
import OCPP

/// Meter values: periodic, clock-aligned, triggered, and the transaction data of StopTransaction.
extension StationModel {
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
