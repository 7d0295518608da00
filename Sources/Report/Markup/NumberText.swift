import Foundation
import OCPP

/// Numbers, durations and times spelled the same way in every report.
enum NumberText {
    /// A coordinate or length for SVG: at most one decimal, no exponent, `0` for values that are not finite.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }

    /// Seconds with millisecond precision (`12.345`), as JUnit's `time` attribute wants; negative durations are 0.
    static func seconds(_ interval: TimeInterval) -> String {
        String(format: "%.3f", max(0, interval.isFinite ? interval : 0))
    }

    /// A duration for people: `850 ms`, `12.3 s`, `4 min 05 s`, `1 h 02 min`.
    static func duration(_ interval: TimeInterval) -> String {
        let value = max(0, interval.isFinite ? interval : 0)
        switch value {
        case ..<1: return "\(Int((value * 1000).rounded())) ms"
        case ..<60: return String(format: "%.1f s", value)
        case ..<3600: return String(format: "%d min %02d s", Int(value) / 60, Int(value) % 60)
        default: return String(format: "%d h %02d min", Int(value) / 3600, Int(value) / 60 % 60)
        }
    }

    /// An offset from a reference time for a time axis: `+0.000 s`, `+12.345 s`, `+2:05.100`.
    static func offset(_ interval: TimeInterval) -> String {
        let value = max(0, interval.isFinite ? interval : 0)
        if value < 60 { return String(format: "+%.3f s", value) }
        return String(format: "+%d:%06.3f", Int(value) / 60, value.truncatingRemainder(dividingBy: 60))
    }

    /// A measured value with its unit: `7.4 kW`, `1,234 Wh`… trimmed to what matters (at most 2 decimals).
    static func quantity(_ value: Double, unit: String) -> String {
        let text: String
        if value == value.rounded() && abs(value) < 1e15 {
            text = String(Int(value))
        } else {
            text = String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
        }
        return unit.isEmpty ? text : "\(text) \(unit)"
    }

    /// A wall-clock time in UTC to the millisecond (`22:42:25.103`), for axes and tables.
    static func clockTime(_ date: Date) -> String {
        let text = timestamp(date)
        return String(text.dropFirst(11).dropLast())
    }

    /// RFC 3339 in UTC with milliseconds (`2026-11-25T22:42:25.103Z`), the format of the trace and the JSON report.
    static func timestamp(_ date: Date) -> String {
        RFC3339.string(from: date)
    }

    /// Seconds-precision local-free timestamp (`2026-11-25T22:42:25`), as the JUnit schema's `timestamp` demands.
    static func junitTimestamp(_ date: Date) -> String {
        String(timestamp(date).prefix(19))
    }
}
