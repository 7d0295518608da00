/// A client that did not become a WebSocket connection, and why. A station that fails its handshake is a test
/// result, not a silent drop.
public struct HandshakeRejection: Sendable, Hashable, CustomStringConvertible {
    /// Where the handshake failed.
    public enum Stage: String, Sendable, Hashable {
        /// The TLS handshake (no client certificate, unknown CA, TLS 1.1, not TLS at all...).
        case tls
        /// The HTTP request itself: garbage, wrong method or version, oversized head (400, 405, 431).
        case request
        /// The WebSocket upgrade fields: Upgrade, Connection, Sec-WebSocket-Key/Version (400, 426).
        case upgrade
        /// The request path or charge point identity (404, 400).
        case path
        /// Subprotocol negotiation (400).
        case subprotocol
        /// Basic Auth (401).
        case authentication
        /// The client certificate's CN does not match the identity (403).
        case certificate
        /// The handshake took longer than the configured timeout.
        case timeout
        /// The client went away before finishing.
        case disconnected
    }

    /// The client's address, "127.0.0.1:54321".
    public var peer: String
    /// Where the handshake failed.
    public var stage: Stage
    /// The HTTP status sent, nil when no HTTP response was possible (TLS failure, disconnect).
    public var status: Int?
    /// What was wrong, in words.
    public var reason: String
    /// The request path, when a request line was read.
    public var path: String?
    /// The identity from the path, when it could be read.
    public var identity: String?
    /// Subprotocols offered, if the request got that far.
    public var offeredSubprotocols: [String]
    /// The request headers, if a request head was read (Authorization is redacted to its scheme and username).
    public var headers: [HTTPHeader]
    /// TLS version and client certificate, when TLS was established.
    public var tls: TLSDetails?

    public var description: String {
        var text = "\(peer): \(stage.rawValue)"
        if let status { text += " \(status)" }
        text += ": \(reason)"
        if let path { text += " (path \(path))" }
        return text
    }
}
