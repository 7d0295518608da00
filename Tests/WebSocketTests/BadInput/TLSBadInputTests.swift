import BadInputTable
import COpenSSL
import Testing
import WebSocket

/// The "TLS" rows of docs/bad-input.md: clients that fail a wss:// endpoint's TLS, each with the line the run's
/// console shows for the refusal (`refused: LISTENER: ` before it; the station's address shown as PEER).
@Suite("Bad input: TLS")
struct TLSBadInputTests {
    /// How a TLS failure is tried, against a server with a certificate of ``Certificates``.
    enum Attempt: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case noClientCertificate = "no client certificate where mutual TLS is required"
        case foreignCertificate = "a client certificate from another CA (wrong CA)"
        case otherStation = "the certificate of another station (CN CP002 connecting as CP001)"
        case tls11 = "a client that speaks TLS 1.1 at most"
        case plainHTTP = "a plain HTTP upgrade request on a wss:// port"
        case garbage = "bytes that are not TLS on a wss:// port"
        case silent = "a client that connects and never sends its ClientHello (handshake time 0.3 s)"

        var testDescription: String { rawValue }
    }

    /// The console line for each attempt, in order.
    static let consoleLines: [String] = [
        "PEER: tls: TLS handshake: error:0A0000C7:SSL routines::peer did not return a certificate",
        "PEER: tls: TLS handshake: error:0A000086:SSL routines::certificate verify failed (certificate: unable to get local issuer certificate)",
        "PEER: certificate 403: client certificate CN \"CP002\" does not match the identity \"CP001\" (path /CP001)",
        "PEER: tls: TLS handshake: error:0A000102:SSL routines::unsupported protocol",
        "PEER: tls: TLS handshake: error:0A00009C:SSL routines::http request",
        "PEER: tls: TLS handshake: error:0A00010B:SSL routines::wrong version number",
        "PEER: timeout: handshake not completed within 0.3 seconds (TLS handshake unfinished)",
    ]

    static let rows = zip(Attempt.allCases, consoleLines).map { BadInputRow($0.rawValue, message: $1) }

    @Test("the refusal is reported with exactly the row's line", arguments: zip(Attempt.allCases, rows))
    func refusal(attempt: Attempt, row: BadInputRow) async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        let mutual = attempt == .noClientCertificate || attempt == .foreignCertificate || attempt == .otherStation
        let server = try await WebSocketServer.start(.init(tls: certificates.server(mutual: mutual),
                                                           handshakeTimeout: attempt == .silent ? .milliseconds(300) : .seconds(10)))
        let port = server.port
        let url = "wss://localhost:\(port)/CP001"
        switch attempt {
        case .noClientCertificate:
            _ = await clientError { try await WebSocketClient.connect(to: url, configuration: .init(tls: certificates.client())) }
        case .foreignCertificate:
            let rogue = try Certificates()
            defer { rogue.remove() }
            var tls = certificates.client()
            tls.certificatePath = rogue.files.stationCertificates["CP001"]
            tls.privateKeyPath = rogue.files.stationKeys["CP001"]
            _ = await clientError { try await WebSocketClient.connect(to: url, configuration: .init(tls: tls)) }
        case .otherStation:
            _ = await clientError {
                try await WebSocketClient.connect(to: url, configuration: .init(tls: certificates.client(station: "CP002")))
            }
        case .tls11:
            _ = try await offPool { try LegacyTLSClient.handshake(port: port, maximumVersion: TLS1_1_VERSION) }
        case .plainHTTP, .garbage, .silent:
            let raw = try RawSocket(port: port)
            let bytes = switch attempt {
            case .plainHTTP: "GET /CP001 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
            case .garbage: "\u{0}\u{1}\u{2}garbage\r\n\r\n"
            default: ""
            }
            _ = try await offPool {
                raw.send(bytes)
                return raw.receiveUntilClosed()
            }
        }
        let rejection = try await server.nextRejection()
        await server.shutdown()
        #expect([rejection.description.replacingOccurrences(of: rejection.peer, with: "PEER")] == row.message)
    }

    @Test("docs/bad-input.md shows exactly these rows")
    func documented() {
        #expect(BadInputTable.disagreement(group: "TLS", rows: Self.rows) == nil)
    }
}
