import Testing
import WebSocket

/// Defensive parsing of the opening handshake: each malformed request gets its status and is reported.
@Suite("Handshake")
struct HandshakeTests {
    struct BadRequest: CustomTestStringConvertible, Sendable {
        var name: String
        var request: String
        var status: Int
        var stage: HandshakeRejection.Stage
        var reason: String
        var testDescription: String { name }
    }

    static let valid = "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"

    static let badRequests = [
        BadRequest(name: "garbage instead of HTTP", request: "\u{01}\u{02}garbage\r\n\r\n", status: 400, stage: .request,
                   reason: "byte 0x1 in the request line"),
        BadRequest(name: "a request line without version", request: "GET /ocpp/CP001\r\n\r\n", status: 400, stage: .request,
                   reason: "malformed request line \"GET /ocpp/CP001\""),
        BadRequest(name: "POST", request: "POST /ocpp/CP001 HTTP/1.1\r\n\(valid)Sec-WebSocket-Version: 13\r\n\r\n", status: 405,
                   stage: .request, reason: "method POST; a WebSocket upgrade uses GET"),
        BadRequest(name: "a header line without colon", request: "GET /ocpp/CP001 HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n", status: 400,
                   stage: .request, reason: "header line without a colon: Host 127.0.0.1"),
        BadRequest(name: "no Upgrade header", request: "GET /ocpp/CP001 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n\r\n", status: 426,
                   stage: .upgrade, reason: "no \"Upgrade: websocket\" header (got none)"),
        BadRequest(name: "WebSocket version 8", request: "GET /ocpp/CP001 HTTP/1.1\r\n\(valid)Sec-WebSocket-Version: 8\r\n\r\n",
                   status: 426, stage: .upgrade, reason: "Sec-WebSocket-Version 8 is not supported (13 is)"),
        BadRequest(name: "a short Sec-WebSocket-Key",
                   request: "GET /ocpp/CP001 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n",
                   status: 400, stage: .upgrade, reason: "Sec-WebSocket-Key is missing or not base64 of 16 bytes"),
        BadRequest(name: "no Connection: Upgrade under the refuse policy",
                   request: "GET /ocpp/CP001 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
                   status: 400, stage: .upgrade, reason: "the Connection header lacks the Upgrade token"),
        BadRequest(name: "a path outside the prefix", request: "GET /other/CP001 HTTP/1.1\r\n\(valid)Sec-WebSocket-Version: 13\r\n\r\n",
                   status: 404, stage: .path, reason: "path /other/CP001 is not /ocpp/<identity>"),
        BadRequest(name: "no identity", request: "GET /ocpp/ HTTP/1.1\r\n\(valid)Sec-WebSocket-Version: 13\r\n\r\n",
                   status: 404, stage: .path, reason: "no charge point identity after /ocpp/"),
        BadRequest(name: "a malformed percent escape", request: "GET /ocpp/CP%G1 HTTP/1.1\r\n\(valid)Sec-WebSocket-Version: 13\r\n\r\n",
                   status: 400, stage: .path, reason: "identity \"CP%G1\" has invalid percent-encoding"),
        BadRequest(name: "an unsupported subprotocol",
                   request: "GET /ocpp/CP001 HTTP/1.1\r\n\(valid)Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n\r\n",
                   status: 400, stage: .subprotocol, reason: "none of the offered subprotocols (ocpp2.0.1) is supported; server speaks ocpp1.6"),
        BadRequest(name: "no subprotocol under the refuse policy", request: "GET /ocpp/CP001 HTTP/1.1\r\n\(valid)Sec-WebSocket-Version: 13\r\n\r\n",
                   status: 400, stage: .subprotocol, reason: "no subprotocol offered (server speaks ocpp1.6)"),
        BadRequest(name: "an oversized head", request: "GET /ocpp/CP001 HTTP/1.1\r\nX-Filler: \(String(repeating: "a", count: 3000))\r\n\r\n",
                   status: 431, stage: .request, reason: "the request head exceeds 2048 bytes"),
        BadRequest(name: "a TLS ClientHello on a ws:// port", request: "\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}", status: 400,
                   stage: .request, reason: "a TLS handshake arrived on a plain ws:// endpoint"),
    ]

    static let strict = WebSocketServer.Configuration(
        pathPrefix: "/ocpp/", subprotocols: ["ocpp1.6"], missingSubprotocol: .refuse, sloppyHandshake: .refuse,
        maximumRequestHeadSize: 2048)

    @Test("a bad request gets its status, a reason, and a report", arguments: badRequests)
    func badRequest(_ bad: BadRequest) async throws {
        let server = try await WebSocketServer.start(Self.strict)
        let raw = try RawSocket(port: server.port)
        let request = bad.request
        let (bytes, closed) = try await offPool {
            raw.send(request)
            return raw.receiveUntilClosed()
        }
        let response = String(decoding: bytes, as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 \(bad.status) "), "response: \(response)")
        #expect(response.hasSuffix("\r\n\r\n\(bad.reason)\n"))
        #expect(closed)
        let rejection = try await server.nextRejection()
        #expect(rejection.status == bad.status)
        #expect(rejection.stage == bad.stage)
        #expect(rejection.reason == bad.reason)
        #expect(rejection.peer.hasPrefix("127.0.0.1:"))
        await server.shutdown()
    }

    @Test("426 for a wrong version names the supported version")
    func versionHeader() async throws {
        let server = try await WebSocketServer.start(Self.strict)
        let raw = try RawSocket(port: server.port)
        let (bytes, _) = try await offPool {
            raw.send("GET /ocpp/CP001 HTTP/1.1\r\n\(Self.valid)Sec-WebSocket-Version: 8\r\n\r\n")
            return raw.receiveUntilClosed()
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("\r\nSec-WebSocket-Version: 13\r\n"))
        _ = try await server.nextRejection()
        await server.shutdown()
    }

    @Test("a client that never finishes its handshake is dropped after the handshake timeout")
    func slowloris() async throws {
        let server = try await WebSocketServer.start(.init(handshakeTimeout: .milliseconds(300)))
        let raw = try RawSocket(port: server.port)
        let (bytes, closed) = try await offPool {
            raw.send("GET /CP001 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpg")
            return raw.receiveUntilClosed(within: 10)
        }
        #expect(closed)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 408 "))
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .timeout)
        #expect(rejection.reason == "handshake not completed within 0.3 seconds (41 bytes of the request head received)")
    }

    @Test("a TLS client that stalls before its ClientHello is dropped on time too")
    func slowTLS() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        let server = try await WebSocketServer.start(.init(tls: certificates.server(mutual: false), handshakeTimeout: .milliseconds(300)))
        let raw = try RawSocket(port: server.port)
        let (_, closed) = try await offPool { raw.receiveUntilClosed(within: 10) }
        #expect(closed)
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .timeout)
        #expect(rejection.status == nil)
        await server.shutdown()
    }

    @Test("sloppy habits are accepted and noted under acceptAndReport; the identity is percent-decoded")
    func sloppyAccepted() async throws {
        let server = try await WebSocketServer.start(.init(pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"], sloppyHandshake: .acceptAndReport))
        let raw = try RawSocket(port: server.port)
        let response = try await offPool {
            raw.send("GET /ocpp/CP%20001?x=1 HTTP/1.1\r\nUpgrade: WebSocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp2.0, ocpp1.6\r\n\r\n")
            return String(decoding: raw.receive { $0.suffix(4) == Array("\r\n\r\n".utf8) }.bytes, as: UTF8.self)
        }
        #expect(response.hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"))
        #expect(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"))
        #expect(response.contains("Sec-WebSocket-Protocol: ocpp1.6\r\n"))
        let connection = try await server.nextConnection()
        #expect(connection.info.identity == "CP 001")
        #expect(connection.info.offeredSubprotocols == ["ocpp2.0", "ocpp1.6"])
        #expect(connection.info.notes == [.missingConnectionUpgrade, .missingHost])
        raw.close()
        #expect(try await connection.closed().failure == .abnormalClosure)
        await server.shutdown()
    }

    @Test("client errors say what happened: refused, timeout, bad URL")
    func clientErrors() async throws {
        let server = try await WebSocketServer.start(.init())
        let port = server.port
        await server.shutdown()
        let refused = await clientError { try await WebSocketClient.connect(to: "ws://127.0.0.1:\(port)/CP001") }
        #expect(refused == .connectionRefused(peer: "127.0.0.1:\(port)"))
        let refusedTLS = await clientError {
            try await WebSocketClient.connect(to: "wss://127.0.0.1:\(port)/CP001", configuration: .init(tls: .init(insecure: true)))
        }
        #expect(refusedTLS == .connectionRefused(peer: "127.0.0.1:\(port)"))
        let badScheme = await clientError { try await WebSocketClient.connect(to: "http://127.0.0.1/CP001") }
        #expect(badScheme == .invalidURL("http://127.0.0.1/CP001", reason: "scheme must be ws or wss, not http"))

        // A listener whose backlog completes TCP connects but which never answers.
        let mute = try SilentListener()
        let timeout = await clientError {
            try await WebSocketClient.connect(to: "wss://127.0.0.1:\(mute.port)/CP001",
                                              configuration: .init(tls: .init(insecure: true), connectTimeout: .milliseconds(300)))
        }
        #expect(timeout == .timeout(peer: "127.0.0.1:\(mute.port)", stage: "TLS handshake", after: .milliseconds(300)))
    }
}
