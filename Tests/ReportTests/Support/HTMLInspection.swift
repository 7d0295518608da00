import Foundation

/// Pieces of a rendered HTML report, found by their markers (the report's own markup is regular enough for this).
enum HTMLInspection {
    /// The text between the first `start` after `from` and the next `end`.
    static func slice(_ html: String, from anchor: String, start: String, end: String) -> String? {
        guard let anchorRange = html.range(of: anchor),
              let startRange = html.range(of: start, range: anchorRange.upperBound..<html.endIndex),
              let endRange = html.range(of: end, range: startRange.upperBound..<html.endIndex)
        else { return nil }
        return String(html[startRange.lowerBound..<endRange.upperBound])
    }

    /// The sequence diagram of the scenario section with element id `sectionId`.
    static func diagram(_ html: String, section sectionId: String) -> String? {
        slice(html, from: "id=\"\(sectionId)\"", start: "<svg class=\"sequence\"", end: "</svg>")
    }

    /// Every value of `attribute` in `text`, in order.
    static func values(of attribute: String, in text: String) -> [String] {
        let parts = text.components(separatedBy: "\(attribute)=\"").dropFirst()
        return parts.compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    /// How often `needle` occurs in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
