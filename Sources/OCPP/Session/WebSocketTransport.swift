import WebSocket

/// A WebSocket connection carries an OCPP session directly.
extension WebSocketConnection: OCPPTransport {
    /// The connection's messages, taken one at a time as the session reads them (so a session that falls behind
    /// holds the peer back instead of buffering), then its closure. Read it once: it consumes `messages`.
    public var events: AsyncStream<TransportEvent> {
        let reader = TransportEventReader(self)
        return AsyncStream(unfolding: { await reader.next() })
    }

    public func send(_ text: String) async throws {
        try await send(text: text)
    }

    /// The connection's event loop: the session runs on the thread that reads and writes its socket.
    public var sessionExecutor: (any SerialExecutor)? { executor.serialExecutor }
}

extension TransportClosure {
    /// The closure of a WebSocket connection: its close code, the reason or failure, and whether it was a clean close.
    public init(_ close: CloseInfo) {
        self.init(code: Int(close.code), reason: close.description, wasClean: close.failure == nil)
    }
}

extension SessionInfo {
    /// The session info of a WebSocket connection: identity from the URL, security mode from the handshake.
    public init(connection: ConnectionInfo, connectionId: String, role: OCPPRole) {
        self.init(connectionId: connectionId, stationIdentity: connection.identity, role: role,
                  securityMode: Self.securityMode(of: connection))
    }

    /// `ws`, `ws + Basic Auth`, `wss (server certificate)`, `wss + Basic Auth`, `wss + client certificate "CN"`,
    /// with the TLS version when there is one.
    static func securityMode(of connection: ConnectionInfo) -> String {
        let scheme = connection.tls == nil ? "ws" : "wss"
        var mode: String
        switch connection.security {
        case .none: mode = scheme
        case .basic: mode = "\(scheme) + Basic Auth"
        case .tls: mode = "\(scheme) (server certificate)"
        case .mtls: mode = "\(scheme) + client certificate" + (connection.tls?.peerCommonName.map { " \"\($0)\"" } ?? "")
        }
        if let tls = connection.tls { mode += ", \(tls.version)" }
        return mode
    }
}
