import Foundation
import OCPP
@testable import Report
import Testing

@Suite("Trace analysis for charts")
struct TraceAnalysisTests {
    /// A trace written by the fixtures' trace script, starting at a fixed time.
    func trace(_ script: (inout SampleTrace) -> Void) -> [TraceRecord] {
        var trace = SampleTrace(station: "CP-T", start: Date(timeIntervalSince1970: 1_795_639_200))
        script(&trace)
        return trace.records
    }

    @Test("meter values are read per transaction, in base units, skipping per-phase and unknown measurands")
    func meterSeries() throws {
        let records = trace { trace in
            trace.stationCall("StartTransaction", ["connectorId": 1, "idTag": "T", "meterStart": 1000,
                                                   "timestamp": "2026-11-25T20:40:00Z"],
                              answer: ["transactionId": 7, "idTagInfo": ["status": "Accepted"]])
            trace.stationCall("MeterValues", ["connectorId": 1, "transactionId": 7, "meterValue": [[
                "timestamp": "2026-11-25T20:41:00Z",
                "sampledValue": [
                    ["value": "1.5", "measurand": "Energy.Active.Import.Register", "unit": "kWh"],
                    ["value": "11", "measurand": "Power.Active.Import", "unit": "kW"],
                    ["value": "3600", "measurand": "Power.Active.Import", "unit": "W", "phase": "L1"],
                    ["value": "16", "measurand": "Current.Import", "unit": "A"],
                    ["value": "not a number"],
                ],
            ]]], answer: [:])
            // No transactionId: it belongs to the transaction open on its connector.
            trace.stationCall("MeterValues", ["connectorId": 1, "meterValue": [[
                "timestamp": "2026-11-25T20:42:00+00:00", "sampledValue": [["value": "1700"]],
            ]]], answer: [:])
            trace.stationCall("StopTransaction", ["transactionId": 7, "meterStop": 1800, "reason": "Local",
                                                  "timestamp": "2026-11-25T20:43:00Z"],
                              answer: ["idTagInfo": ["status": "Accepted"]])
        }
        let series = TransactionMeterSeries.all(in: records)
        #expect(series.count == 1)
        let transaction = try #require(series.first)
        #expect(transaction.transactionId == 7)
        #expect(transaction.energy.map(\.value) == [1000, 1500, 1700, 1800])
        #expect(transaction.power.map(\.value) == [11000])
        #expect(transaction.energyDelivered == 800)
        #expect(transaction.stopReason == "Local")
        #expect(transaction.stopped == Date(timeIntervalSince1970: 1_795_639_380))
    }

    @Test("garbage from a station is left out, not fatal")
    func garbage() {
        let records = trace { trace in
            trace.stationCall("StartTransaction", ["connectorId": "one"], answer: [:])
            trace.stationCall("MeterValues", ["transactionId": 99, "meterValue": "x"], answer: [:])
            trace.stationCall("StopTransaction", ["transactionId": 99, "meterStop": 5], answer: [:])
            trace.stationCall("StatusNotification", ["connectorId": -1, "status": "Available"], answer: [:])
            trace.stationCall("StatusNotification", ["connectorId": 1, "status": 3], answer: [:])
        }
        #expect(TransactionMeterSeries.all(in: records).isEmpty)
        #expect(ConnectorStatusHistory(trace: records).isEmpty)
    }

    @Test("connector states become spans; a repeated state continues its span")
    func statusSpans() throws {
        let records = trace { trace in
            for (connector, status) in [(1, "Available"), (2, "Available"), (1, "Available"), (1, "Charging")] {
                trace.wait(10)
                trace.stationCall("StatusNotification", ["connectorId": .integer(connector), "errorCode": "NoError",
                                                         "status": .string(status)], answer: [:])
            }
            trace.wait(10)
            trace.stationCall("StatusNotification", ["connectorId": 2, "errorCode": "GroundFailure", "status": "Faulted"],
                              answer: [:])
        }
        let history = ConnectorStatusHistory(trace: records)
        #expect(history.connectors.map(\.id) == [1, 2])
        let first = try #require(history.connectors.first)
        #expect(first.spans.map(\.status) == ["Available", "Charging"])
        #expect(first.spans[0].end == first.spans[1].start)
        #expect(first.spans[1].end == history.end)
        let second = try #require(history.connectors.last)
        #expect(second.spans.map(\.errorCode) == [nil, "GroundFailure"])
    }

    @Test("CALLs without an answer on their connection are found")
    func unansweredCalls() {
        let records = trace { trace in
            trace.stationCall("Heartbeat", [:], answer: ["currentTime": "2026-11-25T20:40:00Z"])
            trace.call("RemoteStopTransaction", ["transactionId": 1], from: .centralSystem)
            trace.call("Heartbeat", [:], from: .chargePoint)
        }
        #expect(SequenceDiagram.unansweredCalls(in: records) == [3, 4])
    }
}
