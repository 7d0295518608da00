import OCPP

/// The gist of a frame's payload in a few words, for diagram labels and frame lists: the status a response carries,
/// the connector and state of a StatusNotification, the transaction of a MeterValues. `nil` when there is nothing
/// short to say.
enum FrameSummary {
    /// The longest gist returned (longer ones are cut with an ellipsis).
    static let maximumLength = 48

    static func gist(_ record: TraceRecord) -> String? {
        guard let text = rawGist(record), !text.isEmpty else { return nil }
        return text.shortened(to: maximumLength)
    }

    private static func rawGist(_ record: TraceRecord) -> String? {
        let payload = record.payload
        switch (record.kind, record.action) {
        case (.call, "StatusNotification"):
            let connector = payload?["connectorId"].map(\.jsonText) ?? "?"
            let status = payload?["status"]?.stringValue ?? "?"
            let error = payload?["errorCode"]?.stringValue.flatMap { $0 == "NoError" ? nil : $0 }
            return "#\(connector) \(status)" + (error.map { " (\($0))" } ?? "")
        case (.call, "MeterValues"), (.call, "StopTransaction"), (.call, "RemoteStopTransaction"):
            if let energy = payload?["meterStop"] { return "tx \(payload?["transactionId"]?.jsonText ?? "?") stop \(energy.jsonText) Wh" }
            return payload?["transactionId"].map { "tx \($0.jsonText)" } ?? payload?["connectorId"].map { "#\($0.jsonText)" }
        case (.call, "StartTransaction"), (.call, "RemoteStartTransaction"):
            return [payload?["connectorId"].map { "#\($0.jsonText)" }, payload?["idTag"]?.stringValue]
                .compactMap { $0 }.joined(separator: " ")
        case (.call, "ChangeConfiguration"):
            return payload?["key"]?.stringValue
        case (.call, "Reset"), (.call, "ChangeAvailability"):
            return payload?["type"]?.stringValue
        case (.callResult, "StartTransaction"):
            return payload?["transactionId"].map { "tx \($0.jsonText)" }
        case (.callResult, _):
            return payload?["status"]?.stringValue ?? payload?["idTagInfo"]?["status"]?.stringValue
        case (.callError, _):
            return record.raw.isEmpty ? nil : errorDescription(record)
        case (.malformed, _):
            return record.note
        default:
            return nil
        }
    }

    /// The CALLERROR's description (its fourth element).
    private static func errorDescription(_ record: TraceRecord) -> String? {
        guard let frame = try? JSONParser().parse(record.raw), let description = frame[3]?.stringValue else { return nil }
        return description
    }
}
