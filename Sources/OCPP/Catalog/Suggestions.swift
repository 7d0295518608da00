/// "Did you mean …?" candidates: same text ignoring case, a prefix of one another, or a small edit distance.
public enum Suggestions {
    /// The candidates close to `text`, best first (ties keep the order of `candidates`), at most `limit`.
    public static func closest(to text: String, among candidates: [String], limit: Int = 3) -> [String] {
        let lowered = text.lowercased()
        var scored: [(score: Int, order: Int, candidate: String)] = []
        for (order, candidate) in candidates.enumerated() where candidate != text {
            let other = candidate.lowercased()
            if other == lowered {
                scored.append((0, order, candidate))
            } else if !lowered.isEmpty && (other.hasPrefix(lowered) || lowered.hasPrefix(other)) {
                scored.append((1 + abs(other.count - lowered.count) / 8, order, candidate))
            } else {
                let threshold = max(2, min(lowered.count, other.count) / 4)
                let distance = editDistance(Array(lowered.unicodeScalars), Array(other.unicodeScalars), limit: threshold)
                if distance <= threshold { scored.append((2 + distance, order, candidate)) }
            }
        }
        return scored.sorted { ($0.score, $0.order) < ($1.score, $1.order) }.prefix(limit).map(\.candidate)
    }

    /// The Levenshtein distance, cut off above `limit` (returns `limit + 1` then) so long strings cost little.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `text` cut to `limit` characters with an ellipsis, for quoting user input in messages.
    public static func abbreviated(_ text: String, limit: Int = 80) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// " (did you mean "X"?)" or " (did you mean "X" or "Y"?)", or "" when there is nothing to suggest.
    public static func phrase(_ suggestions: [String]) -> String {
        guard !suggestions.isEmpty else { return "" }
        let quoted = suggestions.map { "\"\($0)\"" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
        return " (did you mean \(list)?)"
    }
}
