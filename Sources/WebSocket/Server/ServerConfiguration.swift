extension WebSocketServer {
    /// What to do with a client that offers no `Sec-WebSocket-Protocol` (real stations do this).
    public enum MissingSubprotocolPolicy: Sendable, Hashable {
        /// Answer 400.
        case refuse
        /// Accept silently.
        case accept
        /// Accept and add ``HandshakeNote/noSubprotocolOffered`` to the connection's notes.
        case acceptAndReport
    }

    /// What to do with common sloppy habits: a `Connection` header without `Upgrade`, a missing `Host`.
    public enum SloppyHandshakePolicy: Sendable, Hashable {
        /// Answer 400.
        case refuse
        /// Accept and add a ``HandshakeNote`` to the connection's notes.
        case acceptAndReport
    }

    /// Everything a server needs to know.
    public struct Configuration: Sendable {
        /// Address to bind ("127.0.0.1", "0.0.0.0", "::").
        public var host: String
        /// Port to bind; 0 picks a free one (see ``WebSocketServer/port``).
        public var port: Int
        /// The path before the identity segment, e.g. "/ocpp/" for ws://host/ocpp/CP001. "/" for none.
        public var pathPrefix: String
        /// Subprotocols the server speaks, most preferred first, e.g. ["ocpp1.6"].
        public var subprotocols: [String]
        /// What to do when a client offers no subprotocol.
        public var missingSubprotocol: MissingSubprotocolPolicy
        /// What to do with a missing `Connection: Upgrade` or `Host`.
        public var sloppyHandshake: SloppyHandshakePolicy
        /// Certificates for wss://; nil serves ws://.
        public var tls: TLSServerConfiguration?
        /// Basic Auth for every connection; nil accepts without credentials.
        public var basicAuth: BasicAuthConfiguration?
        /// The whole handshake (TCP accepted → 101 sent, TLS included) must finish within this time.
        public var handshakeTimeout: Duration
        /// The largest request head accepted (431 beyond).
        public var maximumRequestHeadSize: Int
        /// The largest message accepted (1009 beyond).
        public var maximumMessageSize: Int
        /// Send a ping this often; nil sends none.
        public var pingInterval: Duration?
        /// Close a connection that does not answer a ping within this time.
        public var pongDeadline: Duration

        /// A ws:// server on 127.0.0.1 with an ephemeral port and lenient policies, unless told otherwise.
        public init(host: String = "127.0.0.1", port: Int = 0, pathPrefix: String = "/", subprotocols: [String] = [],
                    missingSubprotocol: MissingSubprotocolPolicy = .acceptAndReport,
                    sloppyHandshake: SloppyHandshakePolicy = .acceptAndReport,
                    tls: TLSServerConfiguration? = nil, basicAuth: BasicAuthConfiguration? = nil,
                    handshakeTimeout: Duration = .seconds(10), maximumRequestHeadSize: Int = 16 * 1024,
                    maximumMessageSize: Int = 4 * 1024 * 1024,
                    pingInterval: Duration? = nil, pongDeadline: Duration = .seconds(10)) {
            self.host = host
            self.port = port
            self.pathPrefix = pathPrefix
            self.subprotocols = subprotocols
            self.missingSubprotocol = missingSubprotocol
            self.sloppyHandshake = sloppyHandshake
            self.tls = tls
            self.basicAuth = basicAuth
            self.handshakeTimeout = handshakeTimeout
            self.maximumRequestHeadSize = maximumRequestHeadSize
            self.maximumMessageSize = maximumMessageSize
            self.pingInterval = pingInterval
            self.pongDeadline = pongDeadline
        }
    }
}
