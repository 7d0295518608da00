import Foundation

/// One row of `docs/bad-input.md`: a bad input tried and the exact message the user sees for it.
///
/// Each group of the table (scenario files, OCPP frames, handshakes, TLS, station behaviours) lives in the test
/// target that can try its inputs; a parameterized test takes the rows as arguments, and ``BadInputTable`` checks
/// that the document shows exactly those rows.
public struct BadInputRow: Sendable, CustomStringConvertible {
    /// What was tried, in words (Markdown, shown as is).
    public var input: String
    /// The input itself when it is short enough to show (a frame, a request line); shown as code.
    public var sample: String?
    /// The exact message the user sees, one element per line.
    public var message: [String]

    public init(_ input: String, sample: String? = nil, message: [String]) {
        self.input = input
        self.sample = sample
        self.message = message
    }

    public init(_ input: String, sample: String? = nil, message: String) {
        self.init(input, sample: sample, message: message.components(separatedBy: "\n"))
    }

    public var description: String { input }

    /// The row as a line of the Markdown table: messages in full, a sample cut at 200 characters.
    var markdown: String {
        let shownSample = sample.map { $0.count > 200 ? String($0.prefix(200)) + "…" : $0 }
        let inputCell = Self.escapeCell(input) + (shownSample.map { "<br>" + Self.code($0) } ?? "")
        return "| \(inputCell) | \(message.map(Self.code).joined(separator: "<br>")) |"
    }

    private static func code(_ text: String) -> String {
        "<code>" + escapeCell(text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")) + "</code>"
    }

    /// `|` as an entity (it would end the cell); CR and LF as `\r` and `\n`, other control characters as `\u{…}`.
    private static func escapeCell(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "|": "&#124;"
            case "\r": "\\r"
            case "\n": "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: "\\u{\(String(scalar.value, radix: 16))}"
            default: String(scalar)
            }
        }.joined()
    }
}

/// `docs/bad-input.md`, read to check that each group's table shows exactly the rows its tests prove.
public enum BadInputTable {
    /// The document, found from this file's place in the checkout.
    public static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/bad-input.md").path

    /// The table lines the document shows under the heading `## group`, header included (empty if the heading or the
    /// document is missing).
    static func documented(group: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let lines = text.components(separatedBy: "\n")
        guard let heading = lines.firstIndex(of: "## \(group)") else { return [] }
        let table = lines[(heading + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return Array(table)
    }

    /// `nil` when the document shows exactly `rows` under `## group`; else the table to paste there.
    public static func disagreement(group: String, rows: [BadInputRow]) -> String? {
        let table = expected(rows)
        guard documented(group: group) != table else { return nil }
        return "docs/bad-input.md does not show these rows; paste this table under ## \(group):\n" + table.joined(separator: "\n")
    }

    /// The table lines `rows` call for, header included.
    static func expected(_ rows: [BadInputRow]) -> [String] {
        ["| Bad input | What the user sees |", "|---|---|"] + rows.map(\.markdown)
    }
}
