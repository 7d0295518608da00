extension WebSocketClient {
    /// Basic Auth credentials for the upgrade request. The password is bytes because OCPP keys may be binary.
    public struct BasicCredentials: Sendable, Hashable {
        /// The charge point identity, for OCPP.
        public var username: String
        /// The password bytes (OCPP: the decoded AuthorizationKey).
        public var password: [UInt8]

        /// Credentials with a text password (sent as UTF-8).
        public init(username: String, password: String) {
            self.username = username
            self.password = Array(password.utf8)
        }

        /// Credentials with a binary password.
        public init(username: String, passwordBytes: [UInt8]) {
            self.username = username
            self.password = passwordBytes
        }
    }

    /// Everything a client connection needs besides the URL.
    public struct Configuration: Sendable {
        /// Subprotocols to offer, most preferred first.
        public var subprotocols: [String]
        /// Credentials for an `Authorization: Basic` header, if any.
        public var basicAuth: BasicCredentials?
        /// Used for wss:// URLs.
        public var tls: TLSClientConfiguration
        /// TCP connect, TLS and the HTTP upgrade must finish within this time.
        public var connectTimeout: Duration
        /// Extra request headers (e.g. a User-Agent).
        public var extraHeaders: [HTTPHeader]
        /// The largest message accepted (1009 beyond).
        public var maximumMessageSize: Int
        /// Send a ping this often; nil sends none.
        public var pingInterval: Duration?
        /// Close the connection when a ping is not answered within this time.
        public var pongDeadline: Duration

        /// A client offering `subprotocols`, verifying servers against the system trust store unless told otherwise.
        public init(subprotocols: [String] = [], basicAuth: BasicCredentials? = nil, tls: TLSClientConfiguration = .init(),
                    connectTimeout: Duration = .seconds(10), extraHeaders: [HTTPHeader] = [],
                    maximumMessageSize: Int = 4 * 1024 * 1024, pingInterval: Duration? = nil,
                    pongDeadline: Duration = .seconds(10)) {
            self.subprotocols = subprotocols
            self.basicAuth = basicAuth
            self.tls = tls
            self.connectTimeout = connectTimeout
            self.extraHeaders = extraHeaders
            self.maximumMessageSize = maximumMessageSize
            self.pingInterval = pingInterval
            self.pongDeadline = pongDeadline
        }
    }
}

/// Why a client could not connect.
public enum WebSocketClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL is not a usable ws:// or wss:// URL.
    case invalidURL(String, reason: String)
    /// The host name could not be resolved.
    case resolutionFailed(host: String, reason: String)
    /// Nothing listens at the address (ECONNREFUSED).
    case connectionRefused(peer: String)
    /// Another socket error while connecting.
    case connectFailed(peer: String, reason: String)
    /// The connect timeout passed during `stage` ("TCP connect", "TLS handshake", "HTTP upgrade").
    case timeout(peer: String, stage: String, after: Duration)
    /// The TLS handshake failed: certificate verification, an alert from the server, ...
    case tlsFailed(peer: String, reason: String)
    /// The server answered the upgrade with another status, e.g. 401; `reason` is its body or reason phrase.
    case rejected(status: Int, reason: String, headers: [HTTPHeader])
    /// The server's 101 response breaks RFC 6455 (bad Sec-WebSocket-Accept, unoffered subprotocol, ...).
    case invalidResponse(String)
    /// The server closed the connection before answering.
    case closedDuringHandshake(peer: String, reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): "invalid WebSocket URL \(url): \(reason)"
        case .resolutionFailed(let host, let reason): "cannot resolve \(host): \(reason)"
        case .connectionRefused(let peer): "connection refused by \(peer) (is the server running?)"
        case .connectFailed(let peer, let reason): "cannot connect to \(peer): \(reason)"
        case .timeout(let peer, let stage, let after): "\(stage) with \(peer) did not finish within \(after)"
        case .tlsFailed(let peer, let reason): "TLS with \(peer) failed: \(reason)"
        case .rejected(let status, let reason, _): "server answered HTTP \(status): \(reason)"
        case .invalidResponse(let reason): "invalid upgrade response: \(reason)"
        case .closedDuringHandshake(let peer, let reason): "\(peer) closed the connection during the handshake: \(reason)"
        }
    }
}
