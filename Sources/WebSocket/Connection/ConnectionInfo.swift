/// How a connection is secured (OCPP security profiles).
public enum SecurityLevel: String, Sendable, Hashable {
    /// ws:// without authentication.
    case none
    /// HTTP Basic Auth, over ws:// or wss:// (profiles 1 and 2).
    case basic
    /// wss:// with a server certificate only, no client authentication.
    case tls
    /// wss:// with a verified client certificate (profile 3).
    case mtls
}

/// Which form of the authorization key a station put in its Basic Auth header.
public enum BasicKeyForm: String, Sendable, Hashable {
    /// The decoded key bytes (what OCPP asks for).
    case plain
    /// The hex text of the key (a common mix-up).
    case hex
}

/// Something noteworthy but tolerated in a handshake.
public enum HandshakeNote: Sendable, Hashable, CustomStringConvertible {
    /// The client offered no `Sec-WebSocket-Protocol`.
    case noSubprotocolOffered
    /// The request's `Connection` header lacks the `Upgrade` token.
    case missingConnectionUpgrade
    /// The request has no `Host` header.
    case missingHost
    /// The Basic Auth password was the hex text of the key rather than the key.
    case hexEncodedKey

    public var description: String {
        switch self {
        case .noSubprotocolOffered: "no subprotocol offered"
        case .missingConnectionUpgrade: "Connection header lacks 'Upgrade'"
        case .missingHost: "no Host header"
        case .hexEncodedKey: "Basic Auth password was the hex text of the authorization key"
        }
    }
}

/// What is known about an open connection, on either side.
public struct ConnectionInfo: Sendable, Hashable {
    /// The other end, "127.0.0.1:54321".
    public var peer: String
    /// The request path ("/ocpp/CP001").
    public var path: String
    /// The charge point identity: the percent-decoded last path segment.
    public var identity: String
    /// Subprotocols the client offered, in its order.
    public var offeredSubprotocols: [String]
    /// The subprotocol both sides agreed on, if any.
    public var subprotocol: String?
    /// None, Basic Auth, TLS or mutual TLS.
    public var security: SecurityLevel
    /// TLS version, cipher and peer certificate for wss://.
    public var tls: TLSDetails?
    /// For Basic Auth: the form of the key the client sent.
    public var basicKeyForm: BasicKeyForm?
    /// Tolerated irregularities of the handshake.
    public var notes: [HandshakeNote]
    /// The request headers (server side) or response headers (client side) as received.
    public var headers: [HTTPHeader]
}
