import Foundation

/// RFC 3339 timestamps as OCPP writes them: UTC, millisecond precision, `Z` suffix.
public enum Timestamp {
    /// `date` as `2026-11-25T22:41:57.123Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The date in an RFC 3339 timestamp (with or without fractional seconds, any offset), `nil` if it is not one.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
