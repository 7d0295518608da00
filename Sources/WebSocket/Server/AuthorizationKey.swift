/// An authorization key as configured: OCPP's AuthorizationKey travels hex-encoded in ChangeConfiguration but
/// belongs decoded in the Basic Auth header, so a key may be given in either form.
public enum AuthorizationKey: Sendable, Hashable {
    /// The key itself, e.g. "SuperSecretKey1234".
    case plain(String)
    /// The hex text of the key bytes, e.g. "5375706572536563726574". Invalid hex matches nothing.
    case hex(String)

    /// The key bytes, or nil for malformed hex.
    public var bytes: [UInt8]? {
        switch self {
        case .plain(let text): return Array(text.utf8)
        case .hex(let text):
            let digits = Array(text.utf8)
            guard digits.count % 2 == 0 else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(digits.count / 2)
            for index in stride(from: 0, to: digits.count, by: 2) {
                guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
                bytes.append(high << 4 | low)
            }
            return bytes
        }
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
