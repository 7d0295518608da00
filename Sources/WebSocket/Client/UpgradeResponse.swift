/// What the client makes of the server's answer to its upgrade request (RFC 6455 §4.1): a 101 that completes the
/// handshake, or a refusal whose body gives the reason. Pure, so that it can be fuzzed (Fuzz/FuzzUpgradeResponse).
enum UpgradeResponse: Equatable {
    /// A valid 101: the subprotocol the server chose, one of those offered, or `nil`.
    case accepted(subprotocol: String?)
    /// Another status: the upgrade is refused.
    case refused(Refusal)

    /// A refusal's status line and head, and how many body bytes to wait for before reporting it.
    struct Refusal: Equatable {
        /// Most of a refusal's body that is waited for and shown.
        static let bodyLimit = 4096

        let status: Int
        let phrase: String
        let headers: [HTTPHeader]
        /// The body's length as announced (`Content-Length`), within 0…`bodyLimit`; `bodyLimit` when absent or not a
        /// number (then the end of the connection ends the body).
        let bodyLength: Int

        /// The error to report, the reason taken from the body's first `bodyLength` bytes (or the reason phrase).
        func error(body: ArraySlice<UInt8>) -> WebSocketClientError {
            let text = String(decoding: body.prefix(bodyLength), as: UTF8.self).trimmingSpaces()
                .split(whereSeparator: \.isNewline).joined(separator: " ")
            return .rejected(status: status, reason: text.isEmpty ? phrase : text, headers: headers)
        }
    }

    /// The answer in `head` to our request with `key`, offering `subprotocols`; throws `.invalidResponse` for a
    /// malformed status line or a 101 that breaks RFC 6455.
    init(head: HTTPHead, key: String, offeredSubprotocols subprotocols: [String]) throws(WebSocketClientError) {
        let parts = head.startLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw .invalidResponse("malformed status line \"\(head.startLine.prefix(80))\"")
        }
        guard status == 101 else {
            // A negative Content-Length reached `prefix` with a negative length: the client crashed (found while
            // writing Fuzz/FuzzUpgradeResponse).
            let announced = Int(head.value("content-length") ?? "") ?? Refusal.bodyLimit
            self = .refused(Refusal(status: status, phrase: parts.count > 2 ? String(parts[2]) : "", headers: head.headers,
                                    bodyLength: min(max(announced, 0), Refusal.bodyLimit)))
            return
        }
        guard head.has("upgrade", token: "websocket") else { throw .invalidResponse("101 without \"Upgrade: websocket\"") }
        guard head.has("connection", token: "upgrade") else { throw .invalidResponse("101 without \"Connection: Upgrade\"") }
        guard head.value("sec-websocket-accept") == WebSocketAccept.value(forKey: key) else {
            throw .invalidResponse("Sec-WebSocket-Accept is \(head.value("sec-websocket-accept") ?? "missing"), not the value for our key")
        }
        let agreed = head.value("sec-websocket-protocol")
        if let agreed, !subprotocols.contains(agreed) {
            throw .invalidResponse("server chose subprotocol \(agreed), which was not offered")
        }
        self = .accepted(subprotocol: agreed)
    }
}
