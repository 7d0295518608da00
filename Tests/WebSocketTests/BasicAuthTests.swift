import Testing
import WebSocket

/// HTTP Basic Auth on the upgrade request (OCPP security profiles 1 and 2).
@Suite("Basic Auth")
struct BasicAuthTests {
    static let keyText = "SuperSecretKey12"
    static let keyHex = "53757065725365637265744b65793132"

    struct Attempt: CustomTestStringConvertible, Sendable {
        var name: String
        var credentials: WebSocketClient.BasicCredentials?
        var expectedReason: String
        var testDescription: String { name }
    }

    static let failures = [
        Attempt(name: "wrong password", credentials: .init(username: "CP001", password: "guess"),
                expectedReason: "wrong password for \"CP001\""),
        Attempt(name: "no Authorization header", credentials: nil, expectedReason: "no Authorization header"),
        Attempt(name: "username is not the identity", credentials: .init(username: "CP002", password: keyText),
                expectedReason: "username \"CP002\" does not match the charge point identity \"CP001\""),
    ]

    private func startServer(forms: AcceptedKeyForms = .either, key: AuthorizationKey = .plain(keyText)) async throws -> WebSocketServer {
        try await WebSocketServer.start(.init(
            subprotocols: ["ocpp1.6"],
            basicAuth: BasicAuthConfiguration(credentials: CredentialStore(["CP001": key, "CP002": .plain("other")]), acceptedForms: forms)))
    }

    @Test("refused with 401, WWW-Authenticate and a reported reason", arguments: failures)
    func refused(attempt: Attempt) async throws {
        let server = try await startServer()
        let error = await clientError {
            try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/CP001",
                                              configuration: .init(subprotocols: ["ocpp1.6"], basicAuth: attempt.credentials))
        }
        guard case .rejected(let status, let reason, let headers) = error else {
            Issue.record("expected an HTTP rejection, got \(String(describing: error))")
            return
        }
        #expect(status == 401)
        #expect(reason == attempt.expectedReason)
        #expect(headers.contains { $0.name == "WWW-Authenticate" && $0.value.hasPrefix("Basic realm=") })
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .authentication)
        #expect(rejection.status == 401)
        #expect(rejection.reason == attempt.expectedReason)
        #expect(rejection.identity == "CP001")
        #expect(!rejection.headers.contains { $0.value.contains(Self.keyText) }, "the password must not be reported")
        await server.shutdown()
    }

    @Test("a key configured as hex is accepted decoded, and its hex text is accepted and reported")
    func keyForms() async throws {
        let server = try await startServer(key: .hex(Self.keyHex))
        let decoded = try await WebSocketClient.connect(
            to: "ws://127.0.0.1:\(server.port)/CP001", configuration: .init(basicAuth: .init(username: "CP001", password: Self.keyText)))
        let first = try await server.nextConnection()
        #expect(first.info.basicKeyForm == .plain)
        #expect(first.info.security == .basic)
        let hexText = try await WebSocketClient.connect(
            to: "ws://127.0.0.1:\(server.port)/CP001", configuration: .init(basicAuth: .init(username: "CP001", password: Self.keyHex)))
        let second = try await server.nextConnection()
        #expect(second.info.basicKeyForm == .hex)
        #expect(second.info.notes.contains(.hexEncodedKey))
        await decoded.close()
        await hexText.close()
        await server.shutdown()
    }

    @Test("the hex text is refused when only the plain form is allowed")
    func plainOnly() async throws {
        let server = try await startServer(forms: .plainOnly)
        let error = await clientError {
            try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/CP001",
                                              configuration: .init(basicAuth: .init(username: "CP001", password: Self.keyHex)))
        }
        guard case .rejected(401, let reason, _) = error else {
            Issue.record("expected 401, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("form this run does not accept"))
        _ = try await server.nextRejection()
        await server.shutdown()
    }

    @Test("a key changed while the server runs takes effect for the next connection")
    func changedKey() async throws {
        let store = CredentialStore(["CP001": .plain("old")])
        let server = try await WebSocketServer.start(.init(basicAuth: BasicAuthConfiguration(credentials: store)))
        store.setKey(.plain("new"), for: "CP001")
        let client = try await WebSocketClient.connect(
            to: "ws://127.0.0.1:\(server.port)/CP001", configuration: .init(basicAuth: .init(username: "CP001", password: "new")))
        #expect(try await server.nextConnection().info.identity == "CP001")
        await client.close()
        await server.shutdown()
    }

    @Test("AuthorizationKey decodes hex and rejects malformed hex", arguments: [
        (AuthorizationKey.hex("4142"), [UInt8]?([0x41, 0x42])), (.hex("414"), nil), (.hex("zz"), nil), (.plain("AB"), [0x41, 0x42]),
    ])
    func keyBytes(key: AuthorizationKey, expected: [UInt8]?) {
        #expect(key.bytes == expected)
    }
}
