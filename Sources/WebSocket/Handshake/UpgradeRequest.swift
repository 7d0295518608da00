/// A parsed, validated WebSocket upgrade request (server side), or the HTTP error it earns.
struct UpgradeRequest {
    var path: String
    var identity: String
    var offeredSubprotocols: [String]
    var subprotocol: String?
    var key: String
    var notes: [HandshakeNote]

    /// A refusal: the status, the stage and reason to report, and extra response headers.
    struct Refusal: Error {
        var status: Int
        var stage: HandshakeRejection.Stage
        var reason: String
        var headers: [HTTPHeader] = []
        /// What was learned before the refusal, for the report.
        var path: String?
        var identity: String?
        var offeredSubprotocols: [String] = []
    }

    /// Checks the head against RFC 6455 §4.2.1 and the server's policies (authentication is checked separately).
    init(head: HTTPHead, configuration: WebSocketServer.Configuration) throws(Refusal) {
        let parts = head.startLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw Refusal(status: 400, stage: .request, reason: "malformed request line \"\(head.startLine.prefix(80))\"")
        }
        let (method, target, version) = (String(parts[0]), String(parts[1]), String(parts[2]))
        guard version == "HTTP/1.1" else {
            throw Refusal(status: 400, stage: .request, reason: "HTTP version \(version.prefix(20)); a WebSocket upgrade needs HTTP/1.1")
        }
        guard method == "GET" else {
            throw Refusal(status: 405, stage: .request, reason: "method \(method.prefix(20)); a WebSocket upgrade uses GET",
                          headers: [HTTPHeader("Allow", "GET")])
        }
        let (path, identity) = try Self.splitPath(target, prefix: configuration.pathPrefix)
        let offered = head.tokens("sec-websocket-protocol")
        func refusal(_ status: Int, _ stage: HandshakeRejection.Stage, _ reason: String, _ headers: [HTTPHeader] = []) -> Refusal {
            Refusal(status: status, stage: stage, reason: reason, headers: headers, path: path, identity: identity, offeredSubprotocols: offered)
        }
        var notes: [HandshakeNote] = []
        guard head.has("upgrade", token: "websocket") else {
            throw refusal(426, .upgrade, "no \"Upgrade: websocket\" header (got \(head.value("upgrade").map { "\"\($0.prefix(40))\"" } ?? "none"))",
                          [HTTPHeader("Upgrade", "websocket"), HTTPHeader("Connection", "Upgrade")])
        }
        if !head.has("connection", token: "upgrade") {
            guard configuration.sloppyHandshake == .acceptAndReport else {
                throw refusal(400, .upgrade, "the Connection header lacks the Upgrade token")
            }
            notes.append(.missingConnectionUpgrade)
        }
        if head.value("host") == nil {
            guard configuration.sloppyHandshake == .acceptAndReport else { throw refusal(400, .upgrade, "no Host header") }
            notes.append(.missingHost)
        }
        guard let versionField = head.value("sec-websocket-version") else {
            throw refusal(400, .upgrade, "no Sec-WebSocket-Version header", [HTTPHeader("Sec-WebSocket-Version", "13")])
        }
        guard versionField == "13" else {
            throw refusal(426, .upgrade, "Sec-WebSocket-Version \(versionField.prefix(20)) is not supported (13 is)",
                          [HTTPHeader("Sec-WebSocket-Version", "13")])
        }
        guard let key = head.value("sec-websocket-key"), Base64.decode(key)?.count == 16 else {
            throw refusal(400, .upgrade, "Sec-WebSocket-Key is missing or not base64 of 16 bytes")
        }
        var agreed: String?
        if offered.isEmpty {
            switch configuration.missingSubprotocol {
            case .refuse:
                throw refusal(400, .subprotocol, "no subprotocol offered (server speaks \(configuration.subprotocols.joined(separator: ", ")))")
            case .accept: break
            case .acceptAndReport: notes.append(.noSubprotocolOffered)
            }
        } else if !configuration.subprotocols.isEmpty {
            agreed = configuration.subprotocols.first { offered.contains($0) }
            guard agreed != nil else {
                throw refusal(400, .subprotocol, "none of the offered subprotocols (\(offered.joined(separator: ", "))) is supported; server speaks \(configuration.subprotocols.joined(separator: ", "))")
            }
        }
        self.path = path
        self.identity = identity
        self.offeredSubprotocols = offered
        self.subprotocol = agreed
        self.key = key
        self.notes = notes
    }

    /// Splits the request target into the path and the percent-decoded identity after the configured prefix.
    private static func splitPath(_ target: String, prefix: String) throws(Refusal) -> (String, String) {
        var path = target
        if let schemeEnd = path.range(of: "://") {
            let afterScheme = path[schemeEnd.upperBound...]
            path = afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        guard path.hasPrefix("/") else {
            throw Refusal(status: 400, stage: .path, reason: "request target \"\(target.prefix(80))\" is not a path", path: target)
        }
        let normalizedPrefix = "/" + prefix.split(separator: "/").joined(separator: "/") + (prefix.split(separator: "/").isEmpty ? "" : "/")
        let lastSlash = path.lastIndex(of: "/") ?? path.startIndex
        let directory = String(path[...lastSlash])
        let segment = String(path[path.index(after: lastSlash)...])
        guard directory == normalizedPrefix else {
            throw Refusal(status: 404, stage: .path, reason: "path \(path.prefix(120)) is not \(normalizedPrefix)<identity>", path: path)
        }
        guard !segment.isEmpty else {
            throw Refusal(status: 404, stage: .path, reason: "no charge point identity after \(normalizedPrefix)", path: path)
        }
        guard let identity = segment.removingPercentEncodingStrictly() else {
            throw Refusal(status: 400, stage: .path, reason: "identity \"\(segment.prefix(80))\" has invalid percent-encoding", path: path)
        }
        guard identity.count <= 128, !identity.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "/" }) else {
            throw Refusal(status: 400, stage: .path, reason: "identity \"\(identity.prefix(80))\" is too long or contains control characters or '/'", path: path)
        }
        return (path, identity)
    }
}

extension String {
    /// Percent-decoding that fails on a malformed escape or a result that is not UTF-8.
    func removingPercentEncodingStrictly() -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        guard UTF8Validator.isValid(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
