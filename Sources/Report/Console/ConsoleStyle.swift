import Runner

/// Colours on a terminal, plain text otherwise (CI logs).
public struct ConsoleStyle: Sendable {
    /// Whether ANSI colours are used.
    public let colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func red(_ text: String) -> String { paint(text, "31") }
    func green(_ text: String) -> String { paint(text, "32") }
    func yellow(_ text: String) -> String { paint(text, "33") }

    /// A verdict, padded to a column and coloured by its meaning.
    func verdict(_ verdict: Verdict, width: Int = 15) -> String {
        let text = verdict.rawValue.padding(toLength: max(width, verdict.rawValue.count), withPad: " ", startingAt: 0)
        switch verdict {
        case .pass: return green(text)
        case .fail, .error: return red(text)
        case .inconclusive: return yellow(text)
        case .notApplicable, .skipped: return dim(text)
        }
    }
}

/// Durations for people: `850ms`, `3.2s`, `2m05s`.
enum DurationWords {
    static func seconds(_ value: Double) -> String {
        if value < 1 { return "\(Int((value * 1000).rounded()))ms" }
        if value < 60 { return String(format: "%.1fs", value) }
        let whole = Int(value.rounded())
        return String(format: "%dm%02ds", whole / 60, whole % 60)
    }
}
