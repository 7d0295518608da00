import Foundation
import OCPP

/// A trace record as a collapsible entry: one line (sequence, time, direction, kind, action, gist) that opens onto
/// the frame exactly as on the wire and its payload indented.
enum FrameList {
    static func entry(_ record: TraceRecord, since start: Date, id: String) -> Markup {
        let direction = record.sender == .chargePoint ? "station → CSMS" : "CSMS → station"
        let gist = FrameSummary.gist(record).map { " · \($0)" } ?? ""
        var body: Markup = ""
        if !record.raw.isEmpty { body += "<pre>\(record.raw)</pre>" }
        if let payload = record.payload, !payload.jsonText.isEmpty, payload != [:] {
            body += "<pre>\(PrettyJSON.text(payload))</pre>"
        }
        if let note = record.note { body += "<p class=\"muted\">\(note)</p>" }
        let meta = "\(NumberText.timestamp(record.time)) · connection \(record.connectionId)"
            + (record.messageId.map { " · message id \($0)" } ?? "")
        return """
            <details class="frame" id="\(id)"><summary>#\(record.sequence) \
            \(NumberText.offset(record.time.timeIntervalSince(start))) \
            <span class="\(record.sender == .chargePoint ? "dir-in" : "dir-out")">\(direction)</span> \
            <span class="k-\(record.kind.rawValue)">\(TraceText.label(record))</span>\(gist)</summary>\
            <p class="muted">\(meta)</p>\(body)</details>
            """
    }
}
