import BadInputTable
import Testing
import WebSocket

/// The "WebSocket handshakes" rows of docs/bad-input.md: the refused requests of ``HandshakeTests`` and
/// ``BasicAuthTests``, each with the line the run's console shows for the refusal (`refused: LISTENER: ` before it;
/// the station's address shown as PEER).
@Suite("Bad input: WebSocket handshakes")
struct HandshakeBadInputTests {
    /// How a refused handshake is tried.
    enum Attempt: Sendable, CustomTestStringConvertible {
        /// These bytes sent on a plain TCP connection to a server configured like ``HandshakeTests/strict``.
        case request(name: String, bytes: String)
        /// A WebSocket client connecting as CP001 with these credentials to a server that wants Basic Auth.
        case basicAuth(name: String, credentials: WebSocketClient.BasicCredentials?)

        var testDescription: String {
            switch self {
            case .request(let name, _), .basicAuth(let name, _): name
            }
        }

        var sample: String? {
            if case .request(_, let bytes) = self { bytes } else { nil }
        }
    }

    static let attempts = HandshakeTests.badRequests.map { Attempt.request(name: $0.name, bytes: $0.request) }
        + BasicAuthTests.failures.map { Attempt.basicAuth(name: "Basic Auth: \($0.name)", credentials: $0.credentials) }

    /// The console line for each attempt, in order.
    static let consoleLines: [String] = [
        "PEER: request 400: byte 0x1 in the request line",
        "PEER: request 400: malformed request line \"GET /ocpp/CP001\"",
        "PEER: request 405: method POST; a WebSocket upgrade uses GET",
        "PEER: request 400: header line without a colon: Host 127.0.0.1",
        "PEER: upgrade 426: no \"Upgrade: websocket\" header (got none) (path /ocpp/CP001)",
        "PEER: upgrade 426: Sec-WebSocket-Version 8 is not supported (13 is) (path /ocpp/CP001)",
        "PEER: upgrade 400: Sec-WebSocket-Key is missing or not base64 of 16 bytes (path /ocpp/CP001)",
        "PEER: upgrade 400: the Connection header lacks the Upgrade token (path /ocpp/CP001)",
        "PEER: path 404: path /other/CP001 is not /ocpp/<identity> (path /other/CP001)",
        "PEER: path 404: no charge point identity after /ocpp/ (path /ocpp/)",
        "PEER: path 400: identity \"CP%G1\" has invalid percent-encoding (path /ocpp/CP%G1)",
        "PEER: subprotocol 400: none of the offered subprotocols (ocpp2.0.1) is supported; server speaks ocpp1.6 (path /ocpp/CP001)",
        "PEER: subprotocol 400: no subprotocol offered (server speaks ocpp1.6) (path /ocpp/CP001)",
        "PEER: request 431: the request head exceeds 2048 bytes",
        "PEER: request 400: a TLS handshake arrived on a plain ws:// endpoint",
        "PEER: authentication 401: wrong password for \"CP001\" (path /CP001)",
        "PEER: authentication 401: no Authorization header (path /CP001)",
        "PEER: authentication 401: username \"CP002\" does not match the charge point identity \"CP001\" (path /CP001)",
    ]

    static let rows = zip(attempts, consoleLines).map { BadInputRow($0.testDescription, sample: $0.sample, message: $1) }

    @Test("every attempt has its row")
    func everyAttemptShown() {
        #expect(Self.rows.count == Self.attempts.count)
    }

    @Test("the refusal is reported with exactly the row's line", arguments: zip(attempts, rows))
    func refusal(attempt: Attempt, row: BadInputRow) async throws {
        let rejection: HandshakeRejection
        switch attempt {
        case .request(_, let bytes):
            let server = try await WebSocketServer.start(HandshakeTests.strict)
            let raw = try RawSocket(port: server.port)
            _ = try await offPool {
                raw.send(bytes)
                return raw.receiveUntilClosed()
            }
            rejection = try await server.nextRejection()
            await server.shutdown()
        case .basicAuth(_, let credentials):
            let server = try await WebSocketServer.start(.init(
                subprotocols: ["ocpp1.6"],
                basicAuth: BasicAuthConfiguration(credentials: CredentialStore(["CP001": .plain(BasicAuthTests.keyText)]))))
            _ = await clientError {
                try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/CP001",
                                                  configuration: .init(subprotocols: ["ocpp1.6"], basicAuth: credentials))
            }
            rejection = try await server.nextRejection()
            await server.shutdown()
        }
        #expect([rejection.description.replacingOccurrences(of: rejection.peer, with: "PEER")] == row.message)
    }

    @Test("docs/bad-input.md shows exactly these rows")
    func documented() {
        #expect(BadInputTable.disagreement(group: "WebSocket handshakes", rows: Self.rows) == nil)
    }
}
