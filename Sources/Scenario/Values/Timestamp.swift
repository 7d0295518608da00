public import Foundation
import OCPP

/// Timestamps as scenarios produce them (`now()`): RFC 3339 in UTC with milliseconds, the way OCPP writes them.
public enum Timestamp {
    /// `date` as `2026-11-25T22:41:57.123Z` (OCPP's ``RFC3339/string(from:)``).
    public static func format(_ date: Date) -> String {
        RFC3339.string(from: date)
    }
}
