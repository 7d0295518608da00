/// Which password forms the server accepts for a key.
public enum AcceptedKeyForms: Sendable, Hashable {
    /// Only the decoded key (OCPP's rule).
    case plainOnly
    /// Only the hex text of the key.
    case hexOnly
    /// Either; the connection reports which one was used.
    case either
}

/// HTTP Basic Auth (RFC 7617) on the upgrade request; the username must be the charge point identity.
public struct BasicAuthConfiguration: Sendable {
    /// The key of each charge point identity.
    public var credentials: CredentialStore
    /// Whether the plain key, its hex text, or either is accepted as password.
    public var acceptedForms: AcceptedKeyForms
    /// The realm announced in `WWW-Authenticate`.
    public var realm: String

    /// Basic Auth against `credentials`, accepting `acceptedForms` of each key.
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
