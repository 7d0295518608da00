/// "Did you mean …?" candidates for a misspelt name, for every layer (OCPP findings, scenario diagnostics, the
/// command line): by edit distance first, case-insensitive and counting a swap of two neighbours as one edit (so
/// `wss-mtl` suggests `wss-mtls`, not the shorter `ws`, and `SmartCharge` suggests `SmartCharging`); failing that, the
/// candidates the name abbreviates (`RemoteStart` → `RemoteStartTransaction`).
public enum Suggestions {
    /// Names longer than this get no edit-distance suggestions (keeps the cost bounded on hostile input).
    static let maximumComparedLength = 64

    /// The candidates close to `text`, best first (ties keep the order of `candidates`), at most `limit`.
    public static func closest(to text: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let lowered = Array(text.lowercased().unicodeScalars)
        let allowed = max(1, min(3, lowered.count / 3))
        let abbreviates = lowered.count >= 3
        var scored: [(score: Int, order: Int, candidate: String)] = []
        for (order, candidate) in candidates.enumerated() where candidate != text {
            let other = Array(candidate.lowercased().unicodeScalars)
            let comparable = lowered.count <= maximumComparedLength && abs(other.count - lowered.count) <= allowed
            let distance = comparable ? editDistance(lowered, other) : Int.max
            if distance <= allowed {
                scored.append((distance, order, candidate))
            } else if abbreviates, other.starts(with: lowered) {
                scored.append((allowed + 1, order, candidate))
            }
        }
        return scored.sorted { ($0.score, $0.order) < ($1.score, $1.order) }.prefix(max(0, limit)).map(\.candidate)
    }

    /// "did you mean 'x'?" for the best candidate, `nil` when none is close.
    public static func didYouMean(_ text: String, among candidates: some Sequence<String>) -> String? {
        closest(to: text, among: candidates, limit: 1).first.map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance, counting a swap of two neighbours as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
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
