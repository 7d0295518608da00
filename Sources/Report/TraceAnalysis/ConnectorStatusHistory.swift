import Foundation
import OCPP

/// The states each connector of a station reported (StatusNotification CALLs), as spans of time: what the status
/// timelines draw.
struct ConnectorStatusHistory: Sendable, Hashable {
    /// One reported state and how long it lasted.
    struct Span: Sendable, Hashable {
        var status: String
        /// The `errorCode` reported with it, when not `NoError`.
        var errorCode: String?
        /// When the StatusNotification arrived, and when the next one with another state for the connector did (or the
        /// trace ended).
        var start: Date
        var end: Date
        /// The trace record of the StatusNotification.
        var sequence: Int
    }

    /// One connector's spans, in time order.
    struct Connector: Sendable, Hashable {
        /// The connector id (0 is the station as a whole).
        var id: Int
        var spans: [Span]
    }

    /// The connectors that reported, in ascending id order.
    var connectors: [Connector]
    /// The time the history covers: the first and last record of the trace.
    var start: Date
    var end: Date

    /// Reads the history from a station trace. StatusNotifications with no readable connector id or status (a
    /// station sending garbage) are left out: the findings report those.
    init(trace: [TraceRecord]) {
        start = trace.first?.time ?? Date(timeIntervalSince1970: 0)
        end = max(trace.last?.time ?? start, start)
        var reports: [Int: [(status: String, errorCode: String?, time: Date, sequence: Int)]] = [:]
        for record in trace where record.kind == .call && record.sender == .chargePoint
            && record.action == "StatusNotification" {
            guard case .integer(let connector)? = record.payload?["connectorId"], connector >= 0,
                  let status = record.payload?["status"]?.stringValue
            else { continue }
            let errorCode = record.payload?["errorCode"]?.stringValue.flatMap { $0 == "NoError" ? nil : $0 }
            // A repeated report (after a reconnect, a TriggerMessage) continues the span it repeats.
            if let last = reports[connector]?.last, last.status == status, last.errorCode == errorCode { continue }
            reports[connector, default: []].append((status, errorCode, record.time, record.sequence))
        }
        let end = end
        connectors = reports.keys.sorted().map { connector in
            let list = reports[connector] ?? []
            let spans = list.indices.map { index in
                Span(status: list[index].status, errorCode: list[index].errorCode, start: list[index].time,
                     end: index + 1 < list.count ? list[index + 1].time : end, sequence: list[index].sequence)
            }
            return Connector(id: connector, spans: spans)
        }
    }

    var isEmpty: Bool { connectors.isEmpty }
}
