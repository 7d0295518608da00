import Testing
@testable import WebSocket

/// The client's check of the server's answer to its upgrade request (`UpgradeResponse`, fuzzed by
/// Fuzz/FuzzUpgradeResponse).
@Suite("Upgrade response (client side)")
struct UpgradeResponseTests {
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="

    /// The head of a response: `startLine`, then `fields` as "Name: value" lines.
    static func head(_ startLine: String, _ fields: [(String, String)]) -> HTTPHead {
        HTTPHead(startLine: startLine, headers: fields.map { HTTPHeader($0.0, $0.1) })
    }

    static func switching(_ extra: [(String, String)] = [], accept: String = WebSocketAccept.value(forKey: key)) -> HTTPHead {
        head("HTTP/1.1 101 Switching Protocols",
             [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept)] + extra)
    }

    @Test("a valid 101 is accepted with the subprotocol the server chose among those offered")
    func accepted() throws {
        let response = try UpgradeResponse(head: Self.switching([("Sec-WebSocket-Protocol", "ocpp1.6")]), key: Self.key,
                                           offeredSubprotocols: ["ocpp1.6"])
        #expect(response == .accepted(subprotocol: "ocpp1.6"))
    }

    @Test("a 101 that breaks RFC 6455 or a malformed status line is an invalid response saying why", arguments: [
        (switching(accept: "AAAA"), "Sec-WebSocket-Accept is AAAA, not the value for our key"),
        (switching([("Sec-WebSocket-Protocol", "ocpp2.0.1")]), "server chose subprotocol ocpp2.0.1, which was not offered"),
        (head("HTTP/1.1 101 Switching Protocols", [("Connection", "Upgrade")]), "101 without \"Upgrade: websocket\""),
        (head("ICY 200 OK", []), "malformed status line \"ICY 200 OK\""),
        (head("HTTP/1.1 two-hundred", []), "malformed status line \"HTTP/1.1 two-hundred\""),
    ])
    func invalid(head: HTTPHead, reason: String) {
        #expect(throws: WebSocketClientError.invalidResponse(reason)) {
            try UpgradeResponse(head: head, key: Self.key, offeredSubprotocols: ["ocpp1.6"])
        }
    }

    @Test("a refusal waits for the announced body, at most 4 KiB; a negative or bad Content-Length does not crash", arguments: [
        ("12", 12), ("99999", 4096), ("-5", 0), ("-9223372036854775808", 0), ("twelve", 4096), (nil, 4096),
    ] as [(String?, Int)])
    func refusalBodyLength(contentLength: String?, expected: Int) throws {
        let fields = contentLength.map { [("Content-Length", $0)] } ?? []
        let response = try UpgradeResponse(head: Self.head("HTTP/1.1 401 Unauthorized", fields), key: Self.key,
                                           offeredSubprotocols: [])
        guard case .refused(let refusal) = response else {
            Issue.record("expected a refusal, got \(response)")
            return
        }
        #expect(refusal.bodyLength == expected)
        // The body: 12 bytes on two lines, read up to the announced length; with none (0), the reason phrase.
        guard case .rejected(401, let reason, _) = refusal.error(body: Array("bad\npassword".utf8)[...]) else {
            Issue.record("expected a rejection with status 401")
            return
        }
        #expect(reason == (expected == 0 ? "Unauthorized" : "bad password"))
    }
}
