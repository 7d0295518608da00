import Testing
import WebSocket

/// Server against client on 127.0.0.1 in each of OCPP's three transport modes.
@Suite("Loopback: server against client")
struct LoopbackTests {
    enum Mode: String, CaseIterable, CustomTestStringConvertible {
        case plain = "ws"
        case basicOverTLS = "wss + Basic Auth"
        case mutualTLS = "wss + mutual TLS"

        var testDescription: String { rawValue }
    }

    @Test("messages flow both ways", arguments: Mode.allCases)
    func exchange(mode: Mode) async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        var serverConfiguration = WebSocketServer.Configuration(pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"])
        var clientConfiguration = WebSocketClient.Configuration(subprotocols: ["ocpp1.6"])
        let scheme: String
        switch mode {
        case .plain:
            scheme = "ws"
        case .basicOverTLS:
            scheme = "wss"
            serverConfiguration.tls = certificates.server(mutual: false)
            serverConfiguration.basicAuth = BasicAuthConfiguration(credentials: CredentialStore(["CP001": .plain("s3cret-key")]))
            clientConfiguration.tls = certificates.client()
            clientConfiguration.basicAuth = .init(username: "CP001", password: "s3cret-key")
        case .mutualTLS:
            scheme = "wss"
            serverConfiguration.tls = certificates.server(mutual: true)
            clientConfiguration.tls = certificates.client(station: "CP001")
        }
        let server = try await WebSocketServer.start(serverConfiguration)
        let client = try await WebSocketClient.connect(to: "\(scheme)://localhost:\(server.port)/ocpp/CP001",
                                                       configuration: clientConfiguration)
        let connection = try await server.nextConnection()

        #expect(connection.info.identity == "CP001")
        #expect(connection.info.path == "/ocpp/CP001")
        #expect(connection.info.subprotocol == "ocpp1.6")
        #expect(client.info.subprotocol == "ocpp1.6")
        switch mode {
        case .plain:
            #expect(connection.info.security == .none)
            #expect(connection.info.tls == nil)
        case .basicOverTLS:
            #expect(connection.info.security == .basic)
            #expect(connection.info.basicKeyForm == .plain)
            #expect(connection.info.tls?.version == "TLSv1.3")
        case .mutualTLS:
            #expect(connection.info.security == .mtls)
            #expect(connection.info.tls?.peerCommonName == "CP001")
            #expect(connection.info.tls?.peerCertificateSubject?.contains("CN=CP001") == true)
        }

        try await client.send(text: "[2,\"1\",\"Heartbeat\",{}]")
        #expect(try await connection.nextMessage() == .text("[2,\"1\",\"Heartbeat\",{}]"))
        try await connection.send(text: "[3,\"1\",{\"currentTime\":\"2026-11-25T22:00:00Z\"}]")
        #expect(try await client.nextMessage() == .text("[3,\"1\",{\"currentTime\":\"2026-11-25T22:00:00Z\"}]"))
        let large = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try await connection.send(binary: large)
        #expect(try await client.nextMessage() == .binary(large))
        try await client.send(binary: large)
        #expect(try await connection.nextMessage() == .binary(large))

        await client.close(code: 1000, reason: "done")
        let clientEnd = try await client.closed()
        let serverEnd = try await connection.closed()
        #expect(clientEnd.initiator == .local && clientEnd.code == 1000 && clientEnd.failure == nil)
        #expect(serverEnd.initiator == .peer && serverEnd.code == 1000 && serverEnd.reason == "done")
        #expect(try await connection.nextMessage() == nil)
        await server.shutdown()
    }

    @Test("server-initiated close reaches the client, and sending afterwards fails")
    func serverCloses() async throws {
        let server = try await WebSocketServer.start(.init())
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/CP9")
        let connection = try await server.nextConnection()
        await connection.close(code: 4000, reason: "bye")
        let clientEnd = try await client.closed()
        #expect(clientEnd.initiator == .peer && clientEnd.code == 4000 && clientEnd.reason == "bye")
        await #expect(throws: WebSocketError.self) { try await connection.send(text: "late") }
        await server.shutdown()
    }

    @Test("a client that offers no subprotocol is accepted and reported under acceptAndReport")
    func noSubprotocolReported() async throws {
        let server = try await WebSocketServer.start(.init(subprotocols: ["ocpp1.6"], missingSubprotocol: .acceptAndReport))
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/CP1")
        let connection = try await server.nextConnection()
        #expect(connection.info.notes.contains(.noSubprotocolOffered))
        #expect(connection.info.subprotocol == nil)
        await client.close()
        await server.shutdown()
    }

    @Test("pings are answered, and a peer that stops answering is dropped after the pong deadline")
    func pingPong() async throws {
        let server = try await WebSocketServer.start(.init(pingInterval: .milliseconds(50), pongDeadline: .seconds(1)))
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/CP1")
        let connection = try await server.nextConnection()
        let raw = try RawSocket(port: server.port)
        _ = try await offPool { raw.upgrade(path: "/SILENT") }
        let silent = try await server.nextConnection()
        let end = try await silent.closed(5)
        #expect(end.failure == .pingTimeout(.seconds(1)))
        // Several ping intervals and a whole pong deadline have passed: the client, which answers, is still open.
        try await client.send(text: "still here")
        #expect(try await connection.nextMessage() == .text("still here"))
        await client.close()
        await server.shutdown()
    }
}
