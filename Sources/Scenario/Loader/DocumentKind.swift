import OCPP
import YAML

/// What a document is, told by its first key: `scenario:`, `fixture:` or `suite:`.
enum DocumentKind {
    case scenario(Scenario.Kind)
    case suite

    static let keys = ["scenario", "fixture", "suite"]

    /// The document's kind, or `nil` after reporting that it has none.
    static func of(_ root: YAMLNode, reader: DocumentReader) -> DocumentKind? {
        guard let pairs = root.mapping else {
            reader.error("a scenario file must be a mapping starting with 'scenario:', 'fixture:' or 'suite:', found \(reader.describe(root))", at: root.location)
            return nil
        }
        let keys = pairs.compactMap { $0.key.scalar?.text }
        let found = keys.filter(Self.keys.contains)
        if found.count > 1 {
            reader.error("a file is one of scenario, fixture or suite; found both '\(found[0])' and '\(found[1])'", at: root.location)
            return nil
        }
        switch found.first {
        case "scenario": return .scenario(.scenario)
        case "fixture": return .scenario(.fixture)
        case "suite": return .suite
        default:
            let near = pairs.first { pair in pair.key.scalar.map { !Suggestions.closest(to: $0.text, among: Self.keys, limit: 1).isEmpty } ?? false }
            if let near, let text = near.key.scalar?.text {
                reader.error("unknown key '\(text)' in a scenario", at: near.key.location, hint: Suggestions.didYouMean(text, among: Self.keys))
            } else {
                reader.error("a scenario file needs 'scenario:' (or 'fixture:' or 'suite:') naming it", at: root.location)
            }
            return nil
        }
    }
}
