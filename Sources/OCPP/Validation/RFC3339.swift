import Foundation

/// RFC 3339 timestamps, as OCPP's `dateTime` requires: `2026-11-25T22:42:25Z`, `2026-11-25T23:42:25.123+01:00`.
public enum RFC3339 {
    /// The verdict on one timestamp text.
    public enum Verdict: Sendable, Hashable {
        /// A valid RFC 3339 date-time with a zone.
        case valid
        /// A date-time that real stations send and lenient mode accepts: no zone, an offset without minutes or colon
        /// (`+03`, `+0300`), or a space instead of `T`. `problem` says which.
        case deviation(problem: String)
        /// Not a date-time; `problem` says why.
        case invalid(problem: String)
    }

    /// Checks `text` against RFC 3339 §5.6 (`date-time`), with real dates (no 31 April, 29 February only in leap years).
    public static func check(_ text: String) -> Verdict {
        var text = text
        return text.withUTF8 { check(bytes: $0) }
    }

    static func check(bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        var scanner = Scanner(bytes: bytes)
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(2)
        else { return .invalid(problem: "expected a date as YYYY-MM-DD") }
        guard (1...12).contains(month) else { return .invalid(problem: "month \(month) is not 01…12") }
        guard (1...daysIn(month: month, year: year)).contains(day) else {
            return .invalid(problem: "day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month)")
        }
        var deviations: [String] = []
        if scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) {
        } else if scanner.take(UInt8(ascii: " ")) {
            deviations.append("a space instead of \"T\" between date and time")
        } else {
            return .invalid(problem: "expected \"T\" and a time after the date")
        }
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2)
        else { return .invalid(problem: "expected a time as hh:mm:ss") }
        guard hour < 24, minute < 60, second <= 60 else {
            return .invalid(problem: "time \(hour):\(minute):\(second) is out of range")
        }
        if scanner.take(UInt8(ascii: ".")) {
            guard scanner.skipDigits() > 0 else { return .invalid(problem: "expected digits after the decimal point") }
        }
        if scanner.atEnd {
            deviations.append("no time-zone offset (add \"Z\" or \"+hh:mm\")")
        } else if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
        } else if scanner.take(UInt8(ascii: "+")) || scanner.take(UInt8(ascii: "-")) {
            guard let offsetHours = scanner.digits(2), offsetHours < 24 else {
                return .invalid(problem: "expected a time-zone offset as +hh:mm")
            }
            if scanner.take(UInt8(ascii: ":")) {
                guard let offsetMinutes = scanner.digits(2), offsetMinutes < 60 else {
                    return .invalid(problem: "expected a time-zone offset as +hh:mm")
                }
            } else if let offsetMinutes = scanner.digits(2) {
                guard offsetMinutes < 60 else { return .invalid(problem: "expected a time-zone offset as +hh:mm") }
                deviations.append("an offset without a colon (write +hh:mm)")
            } else {
                deviations.append("an offset without minutes (write +hh:mm)")
            }
        } else {
            return .invalid(problem: "unexpected text where the time-zone offset belongs")
        }
        guard scanner.atEnd else { return .invalid(problem: "unexpected text after the time-zone offset") }
        return deviations.isEmpty ? .valid : .deviation(problem: deviations.joined(separator: ", "))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `date` as RFC 3339 in UTC with milliseconds: `2026-11-25T22:42:25.123Z`. Dates outside the years 0001…9999
    /// are clamped to them (RFC 3339 has four-digit years).
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let clamped = interval.isNaN ? 0 : min(max(interval, -62_135_596_800), 253_402_300_799.999)
        let milliseconds = Int((clamped * 1000).rounded(.down))
        let seconds = milliseconds.quotientAndRemainder(dividingBy: 1000)
        var time = time_t(seconds.quotient - (seconds.remainder < 0 ? 1 : 0))
        let fraction = (seconds.remainder + 1000) % 1000
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(fraction), 3))Z"
    }

    /// A forward scanner over ASCII bytes.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position >= bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[position + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            position += count
            return value
        }

        mutating func skipDigits() -> Int {
            let start = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                position += 1
            }
            return position - start
        }
    }
}
