/// Did-you-mean hints for scenario files and the command line: the closest known name to a misspelt one, by edit
/// distance first (so `wss-mtl` suggests `wss-mtls`, not the shorter prefix `ws`), then by abbreviation.
public enum NameSuggestions {
    /// The candidate nearest to `word` by edit distance (case-insensitive), if it is near enough to be a likely typo;
    /// failing that, the one candidate `word` abbreviates (`int` → `integer`).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        if let near = nearest(to: word, in: candidates) { return near }
        guard word.count >= 3 else { return nil }
        let abbreviated = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        return abbreviated.count == 1 ? abbreviated[0] : nil
    }

    private static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        guard lowered.count <= 64 else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - lowered.count) <= 3 else { continue }
            let distance = editDistance(lowered, other)
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, lowered.count / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// "did you mean 'x'?" for the nearest candidate, else `nil`.
    public static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
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
}
