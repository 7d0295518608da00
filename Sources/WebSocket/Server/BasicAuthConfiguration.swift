import Synchronization

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

/// Which password forms the server accepts for a key.
public enum AcceptedKeyForms: Sendable, Hashable {
    /// Only the decoded key (OCPP's rule).
    case plainOnly
    /// Only the hex text of the key.
    case hexOnly
    /// Either; the connection reports which one was used.
    case either
}

/// Per-station credentials, changeable while the server runs (e.g. after a ChangeConfiguration of AuthorizationKey).
public final class CredentialStore: Sendable {
    private let keys: Mutex<[String: AuthorizationKey]>

    public init(_ keys: [String: AuthorizationKey] = [:]) {
        self.keys = Mutex(keys)
    }

    /// The key of `identity`, if one is configured.
    public func key(for identity: String) -> AuthorizationKey? {
        keys.withLock { $0[identity] }
    }

    /// Sets or removes (nil) the key of `identity`.
    public func setKey(_ key: AuthorizationKey?, for identity: String) {
        keys.withLock { $0[identity] = key }
    }
}

/// HTTP Basic Auth (RFC 7617) on the upgrade request; the username must be the charge point identity.
public struct BasicAuthConfiguration: Sendable {
    public var credentials: CredentialStore
    public var acceptedForms: AcceptedKeyForms
    /// The realm announced in `WWW-Authenticate`.
    public var realm: String

    public init(credentials: CredentialStore, acceptedForms: AcceptedKeyForms = .either, realm: String = "chargecheck") {
        self.credentials = credentials
        self.acceptedForms = acceptedForms
        self.realm = realm
    }

    /// Checks an `Authorization` header value for `identity`: the key form used, or why it fails.
    func verify(_ header: String?, identity: String) -> Result<BasicKeyForm, BasicAuthFailure> {
        guard let header else { return .failure(.init("no Authorization header")) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic" else {
            return .failure(.init("Authorization scheme is not Basic: \(header.prefix(20))"))
        }
        guard let decoded = Base64.decode(String(parts[1]).trimmingSpaces()) else {
            return .failure(.init("Authorization credentials are not valid base64"))
        }
        guard let colon = decoded.firstIndex(of: UInt8(ascii: ":")) else {
            return .failure(.init("Basic credentials lack the ':' between username and password"))
        }
        let username = String(decoding: decoded[..<colon], as: UTF8.self)
        let password = Array(decoded[(colon + 1)...])
        guard username == identity else {
            return .failure(.init("username \"\(username)\" does not match the charge point identity \"\(identity)\""))
        }
        guard let key = credentials.key(for: identity), let keyBytes = key.bytes else {
            return .failure(.init("no authorization key is configured for \"\(identity)\""))
        }
        let hexText = keyBytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        if acceptedForms != .hexOnly && password == keyBytes { return .success(.plain) }
        if acceptedForms != .plainOnly && String(decoding: password, as: UTF8.self).lowercased() == hexText {
            return .success(.hex)
        }
        if password == keyBytes || String(decoding: password, as: UTF8.self).lowercased() == hexText {
            return .failure(.init("the password is the key in a form this run does not accept (\(acceptedForms))"))
        }
        return .failure(.init("wrong password for \"\(identity)\""))
    }
}

/// Why Basic Auth failed.
struct BasicAuthFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
