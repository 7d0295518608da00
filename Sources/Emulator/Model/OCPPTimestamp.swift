import Foundation

/// OCPP timestamps (RFC 3339 `date-time`) as the station writes and reads them.
enum OCPPTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let wholeSecondStyle = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// `date` in UTC with milliseconds and a `Z`, e.g. `2026-11-25T22:44:17.123Z`.
    static func text(_ date: Date) -> String {
        date.formatted(style)
    }

    /// `date` as a local time without any zone designator, e.g. `2026-11-25T22:44:17` (what broken firmware sends).
    static func textWithoutZone(_ date: Date) -> String {
        String(date.formatted(wholeSecondStyle).dropLast())
    }

    /// The instant of an RFC 3339 date-time with a zone, `nil` when `text` is not one.
    static func date(from text: String) -> Date? {
        (try? style.parse(text)) ?? (try? wholeSecondStyle.parse(text))
    }
}
