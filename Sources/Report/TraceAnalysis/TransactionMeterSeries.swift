import Foundation
import OCPP

/// The meter readings of one transaction, read from a station trace: the register at start (StartTransaction's
/// `meterStart`), every MeterValues sample of the transaction, the register at stop (StopTransaction's `meterStop` and
/// `transactionData`). What the meter charts draw.
struct TransactionMeterSeries: Sendable, Hashable {
    /// One reading.
    struct Sample: Sendable, Hashable {
        /// The station's timestamp of the reading (the trace time when the station's is unreadable).
        var time: Date
        /// The value in the base unit: Wh for energy, W for power.
        var value: Double
    }

    /// The transaction id the central system gave (`nil` when the StartTransaction was never answered).
    var transactionId: Int?
    var connectorId: Int
    var idTag: String?
    /// When it started and stopped (`nil` while it had not stopped when the trace ended).
    var started: Date
    var stopped: Date?
    /// The StopTransaction `reason`, when given.
    var stopReason: String?
    /// Energy.Active.Import.Register readings in Wh, including meterStart and meterStop.
    var energy: [Sample]
    /// Power.Active.Import readings in W.
    var power: [Sample]
    /// The trace record of the StartTransaction.
    var startSequence: Int

    /// The energy delivered (last minus first energy reading), in Wh.
    var energyDelivered: Double? {
        guard let first = energy.first, let last = energy.last else { return nil }
        return last.value - first.value
    }

    /// Every transaction a trace holds, in start order.
    static func all(in trace: [TraceRecord]) -> [TransactionMeterSeries] {
        var builder = Builder()
        for record in trace where record.kind == .call || record.kind == .callResult {
            builder.read(record)
        }
        return builder.transactions
    }

    /// Follows a trace: StartTransaction CALLs open a series, their CALLRESULT names it, MeterValues add samples,
    /// StopTransaction closes it.
    private struct Builder {
        var transactions: [TransactionMeterSeries] = []
        /// StartTransaction CALLs awaiting their CALLRESULT, by message id (index into `transactions`).
        var pendingStarts: [String: Int] = [:]

        mutating func read(_ record: TraceRecord) {
            guard let payload = record.payload else { return }
            switch (record.kind, record.sender, record.action) {
            case (.call, .chargePoint, "StartTransaction"):
                guard case .integer(let connector)? = payload["connectorId"] else { return }
                let started = payload["timestamp"]?.stringValue.flatMap(StationTimestamp.date) ?? record.time
                var series = TransactionMeterSeries(
                    transactionId: nil, connectorId: connector, idTag: payload["idTag"]?.stringValue, started: started,
                    energy: [], power: [], startSequence: record.sequence)
                if let meterStart = payload["meterStart"]?.doubleValue {
                    series.energy.append(Sample(time: started, value: meterStart))
                }
                if let messageId = record.messageId { pendingStarts[messageId] = transactions.count }
                transactions.append(series)
            case (.callResult, .centralSystem, "StartTransaction"):
                guard let messageId = record.messageId, let index = pendingStarts.removeValue(forKey: messageId),
                      case .integer(let id)? = payload["transactionId"] else { return }
                transactions[index].transactionId = id
            case (.call, .chargePoint, "MeterValues"):
                let index = payload["transactionId"].flatMap(transactionIndex(for:))
                    ?? openTransactionIndex(connector: payload["connectorId"])
                guard let index else { return }
                addSamples(payload["meterValue"], to: index, fallbackTime: record.time)
            case (.call, .chargePoint, "StopTransaction"):
                guard let index = payload["transactionId"].flatMap(transactionIndex(for:)) else { return }
                addSamples(payload["transactionData"], to: index, fallbackTime: record.time)
                let stopped = payload["timestamp"]?.stringValue.flatMap(StationTimestamp.date) ?? record.time
                if let meterStop = payload["meterStop"]?.doubleValue {
                    transactions[index].energy.append(Sample(time: stopped, value: meterStop))
                }
                transactions[index].stopped = stopped
                transactions[index].stopReason = payload["reason"]?.stringValue
            default:
                return
            }
        }

        func transactionIndex(for id: JSONValue) -> Int? {
            guard case .integer(let id) = id else { return nil }
            return transactions.lastIndex { $0.transactionId == id }
        }

        func openTransactionIndex(connector: JSONValue?) -> Int? {
            guard case .integer(let connector)? = connector else { return nil }
            return transactions.lastIndex { $0.connectorId == connector && $0.stopped == nil }
        }

        mutating func addSamples(_ meterValues: JSONValue?, to index: Int, fallbackTime: Date) {
            for meterValue in meterValues?.arrayValue ?? [] {
                let time = meterValue["timestamp"]?.stringValue.flatMap(StationTimestamp.date) ?? fallbackTime
                for sampled in meterValue["sampledValue"]?.arrayValue ?? [] {
                    guard sampled["phase"] == nil, let reading = MeterReading(sampled) else { continue }
                    let sample = Sample(time: time, value: reading.value)
                    switch reading.quantity {
                    case .energy: transactions[index].energy.append(sample)
                    case .power: transactions[index].power.append(sample)
                    }
                }
            }
            transactions[index].energy.sort { $0.time < $1.time }
            transactions[index].power.sort { $0.time < $1.time }
        }
    }
}

/// One sampledValue the charts understand: the active import energy register or active import power, in base units.
private struct MeterReading {
    enum Quantity { case energy, power }

    var quantity: Quantity
    var value: Double

    /// `nil` for measurands the charts do not draw, unreadable values and unknown units.
    init?(_ sampled: JSONValue) {
        guard let text = sampled["value"]?.stringValue, let number = Double(text), number.isFinite else { return nil }
        let measurand = sampled["measurand"]?.stringValue ?? "Energy.Active.Import.Register"
        let unit = sampled["unit"]?.stringValue
        switch (measurand, unit) {
        case ("Energy.Active.Import.Register", nil), ("Energy.Active.Import.Register", "Wh"):
            (quantity, value) = (.energy, number)
        case ("Energy.Active.Import.Register", "kWh"):
            (quantity, value) = (.energy, number * 1000)
        case ("Power.Active.Import", nil), ("Power.Active.Import", "W"):
            (quantity, value) = (.power, number)
        case ("Power.Active.Import", "kW"):
            (quantity, value) = (.power, number * 1000)
        default:
            return nil
        }
    }
}
