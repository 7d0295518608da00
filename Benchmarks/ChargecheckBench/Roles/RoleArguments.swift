/// The `--name value` pairs the parent gives a child role (hidden, so checked loosely: the parent writes them).
struct RoleArguments: Sendable {
    private var values: [String: String] = [:]

    init(_ words: [String]) {
        var index = 0
        while index + 1 < words.count {
            if words[index].hasPrefix("--") { values[String(words[index].dropFirst(2))] = words[index + 1] }
            index += 2
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// A whole number, or `fallback` when absent or not a number.
    func integer(_ name: String, default fallback: Int) -> Int {
        values[name].flatMap { Int($0) } ?? fallback
    }

    /// A number, or `fallback` when absent or not a number.
    func number(_ name: String, default fallback: Double) -> Double {
        values[name].flatMap { Double($0) } ?? fallback
    }
}
