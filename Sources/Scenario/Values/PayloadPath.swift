import OCPP

/// JSON paths as messages show them: `$`, `$.meterValue[0].sampledValue`, `$["odd key"]`.
enum PayloadPath {
    /// The root.
    static let root = "$"

    /// `path` followed by member `key`.
    static func member(_ path: String, _ key: String) -> String {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first),
            key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" })
        else { return "\(path)[\(JSONValue.string(key).jsonText)]" }
        return "\(path).\(key)"
    }

    /// `path` followed by element `index`.
    static func element(_ path: String, _ index: Int) -> String {
        "\(path)[\(index)]"
    }
}
