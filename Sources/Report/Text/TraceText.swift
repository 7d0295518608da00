import Foundation
import OCPP

/// Trace records as lines of text, for JUnit's system-out and failure context.
enum TraceText {
    /// How many frames of one scenario the excerpts show before pointing at the trace file.
    static let excerptLimit = 500

    /// `#12 +3.456 s  CP → CS  CALL StatusNotification  [2,"5","StatusNotification",{…}]`, with the time as an offset
    /// from `start`, or as the UTC clock time (`20:43:47.849`) when `start` is `nil`.
    static func line(_ record: TraceRecord, since start: Date?) -> String {
        let arrow = record.sender == .chargePoint ? "CP → CS" : "CS → CP"
        let time = start.map { NumberText.offset(record.time.timeIntervalSince($0)) } ?? NumberText.clockTime(record.time)
        var line = "#\(record.sequence) \(time)  \(arrow)  \(label(record))"
        if !record.raw.isEmpty { line += "  \(record.raw)" }
        if let note = record.note { line += "  (\(note))" }
        return line
    }

    /// What a record is, in a few words: `CALL Heartbeat`, `CALLERROR NotSupported (ChangeConfiguration)`,
    /// `disconnected`.
    static func label(_ record: TraceRecord) -> String {
        switch record.kind {
        case .call: "CALL \(record.action ?? "?")"
        case .callResult: "CALLRESULT \(record.action ?? "")".trimmingCharacters(in: .whitespaces)
        case .callError: "CALLERROR \(record.errorCode ?? "?")" + (record.action.map { " (\($0))" } ?? "")
        case .malformed: "MALFORMED"
        case .binary: "BINARY"
        case .opened: "connected"
        case .closed: "disconnected"
        }
    }

    /// The lines of a scenario's frames, at most ``excerptLimit`` of them, then a pointer to the rest.
    static func excerpt(_ records: [TraceRecord], since start: Date) -> [String] {
        var lines = records.prefix(excerptLimit).map { line($0, since: start) }
        if records.count > excerptLimit {
            lines.append("… \(records.count - excerptLimit) more frames: see the trace file (--trace) or the JSON report")
        }
        return lines
    }
}
