import Foundation

/// Reads the `timestamp` fields stations send (RFC 3339, with or without fractional seconds, any offset).
enum StationTimestamp {
    /// The date `text` names, `nil` when it is not an RFC 3339 date-time (the chart then uses the trace time).
    static func date(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
