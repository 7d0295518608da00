/// Durations as scenario files write them: `500ms`, `30s`, `2m`, `1h`, `1m30s` (units in descending order, each once).
public enum DurationText {
    /// Units in matching order (`ms` before `m`), each with its rank in the required descending order.
    private static let units: [(suffix: String, milliseconds: Int64, rank: Int)] = [
        ("ms", 1, 3), ("h", 3_600_000, 0), ("m", 60_000, 1), ("s", 1_000, 2),
    ]

    /// The duration `text` denotes, `nil` when it is not a valid duration. A leading `-` gives a negative duration.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        var sign: Int64 = 1
        if rest.first == "-" || rest.first == "+" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        var lastRank = -1
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.suffix) }), unit.rank > lastRank else { return nil }
            lastRank = unit.rank
            total += amount * unit.milliseconds
            rest = rest.dropFirst(unit.suffix.count)
        }
        return .milliseconds(sign * total)
    }

    /// `duration` written back the way a scenario would write it (`1m30s`, `500ms`).
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "0s" }
        var text = milliseconds < 0 ? "-" : ""
        milliseconds = abs(milliseconds)
        for (suffix, size) in [("h", Int64(3_600_000)), ("m", 60_000), ("s", 1_000), ("ms", 1)] where milliseconds >= size {
            text += "\(milliseconds / size)\(suffix)"
            milliseconds %= size
        }
        return text
    }

    /// What a valid duration looks like, for error messages.
    public static let expectedForm = "a duration such as 500ms, 30s, 2m, 1h or 1m30s"
}
