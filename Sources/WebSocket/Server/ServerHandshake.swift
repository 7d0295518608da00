/// One accepted socket until it becomes a ``WebSocketConnection`` or a ``HandshakeRejection``. Loop thread only.
final class ServerHandshake: ChannelDelegate {
    private let server: ServerCore
    private let channel: Channel
    private var timer: TimerQueue.ID?
    private var finished = false
    private var tlsReady = false
    private var tlsDetails: TLSDetails?
    private var headersSeen: [HTTPHeader] = []

    init(server: ServerCore, channel: Channel) {
        self.server = server
        self.channel = channel
    }

    func start() {
        let timeout = server.configuration.handshakeTimeout
        timer = channel.loop.schedule(after: timeout) { [weak self] in self?.timedOut(after: timeout) }
        channel.delegate = self
        channel.start(tls: server.tls, host: nil)
    }

    // MARK: ChannelDelegate

    func channelIsReady(_ channel: Channel) {
        tlsReady = true
        tlsDetails = channel.tls?.details
    }

    func channelDidDrain(_ channel: Channel) {}

    func channelDidRead(_ channel: Channel) {
        guard !finished else { return }
        switch HTTPHeadParser.parse(channel.input.readable, limit: server.configuration.maximumRequestHeadSize) {
        case .incomplete:
            return
        case .tooLarge(let reason):
            refuse(UpgradeRequest.Refusal(status: 431, stage: .request, reason: reason))
        case .malformed(let reason):
            refuse(UpgradeRequest.Refusal(status: 400, stage: .request, reason: reason))
        case .complete(let head, let consumed):
            channel.input.consume(consumed)
            headersSeen = head.headers.map(Self.redacted)
            evaluate(head)
        }
    }

    func channel(_ channel: Channel, didEnd end: ChannelEnd) {
        guard !finished else { return }
        finished = true
        channel.loop.cancelTimer(timer)
        switch end {
        case .failure(let message) where !tlsReady:
            report(stage: .tls, status: nil, reason: message)
        case .failure(let message):
            report(stage: .disconnected, status: nil, reason: message)
        case .endOfStream, .closedLocally:
            report(stage: tlsReady ? .disconnected : .tls,
                   status: nil, reason: "client closed the connection before completing the handshake (\(channel.input.count) bytes received)")
        }
    }

    // MARK: Deciding

    private func evaluate(_ head: HTTPHead) {
        let configuration = server.configuration
        let request: UpgradeRequest
        do {
            request = try UpgradeRequest(head: head, configuration: configuration)
        } catch {
            refuse(error)
            return
        }
        var keyForm: BasicKeyForm?
        var notes = request.notes
        if let basicAuth = configuration.basicAuth {
            switch basicAuth.verify(head.value("authorization"), identity: request.identity) {
            case .success(let form):
                keyForm = form
                if form == .hex { notes.append(.hexEncodedKey) }
            case .failure(let failure):
                refuse(UpgradeRequest.Refusal(
                    status: 401, stage: .authentication, reason: failure.reason,
                    headers: [HTTPHeader("WWW-Authenticate", "Basic realm=\"\(basicAuth.realm)\", charset=\"UTF-8\"")],
                    path: request.path, identity: request.identity, offeredSubprotocols: request.offeredSubprotocols))
                return
            }
        }
        let mutualTLS = configuration.tls?.clientCAPath != nil
        if mutualTLS, configuration.tls?.requireCommonNameMatchesIdentity == true, tlsDetails?.peerCommonName != request.identity {
            refuse(UpgradeRequest.Refusal(
                status: 403, stage: .certificate,
                reason: "client certificate CN \"\(tlsDetails?.peerCommonName ?? "(none)")\" does not match the identity \"\(request.identity)\"",
                path: request.path, identity: request.identity, offeredSubprotocols: request.offeredSubprotocols))
            return
        }
        let security: SecurityLevel = mutualTLS ? .mtls : configuration.basicAuth != nil ? .basic : configuration.tls != nil ? .tls : .none
        var response = [HTTPHeader("Upgrade", "websocket"), HTTPHeader("Connection", "Upgrade"),
                        HTTPHeader("Sec-WebSocket-Accept", WebSocketAccept.value(forKey: request.key))]
        if let subprotocol = request.subprotocol { response.append(HTTPHeader("Sec-WebSocket-Protocol", subprotocol)) }
        channel.write(HTTPWriter.head("HTTP/1.1 101 Switching Protocols", response))
        finished = true
        channel.loop.cancelTimer(timer)
        let info = ConnectionInfo(peer: channel.peer, path: request.path, identity: request.identity,
                                  offeredSubprotocols: request.offeredSubprotocols, subprotocol: request.subprotocol,
                                  security: security, tls: tlsDetails, basicKeyForm: keyForm, notes: notes, headers: head.headers)
        server.accept(channel: channel, info: info)
    }

    private func refuse(_ refusal: UpgradeRequest.Refusal) {
        finished = true
        channel.loop.cancelTimer(timer)
        let body = refusal.reason + "\n"
        let headers = [HTTPHeader("Content-Type", "text/plain; charset=utf-8"), HTTPHeader("Content-Length", String(body.utf8.count)),
                       HTTPHeader("Connection", "close")] + refusal.headers
        channel.write(HTTPWriter.head("HTTP/1.1 \(refusal.status) \(HTTPWriter.reasonPhrase(refusal.status))", headers, body: body))
        channel.closeAfterDraining()
        report(stage: refusal.stage, status: refusal.status, reason: refusal.reason, path: refusal.path,
               identity: refusal.identity, offered: refusal.offeredSubprotocols)
    }

    private func timedOut(after timeout: Duration) {
        guard !finished else { return }
        finished = true
        let progress = tlsReady ? "\(channel.input.count) bytes of the request head received" : "TLS handshake unfinished"
        let reason = "handshake not completed within \(timeout) (\(progress))"
        if tlsReady {
            let body = reason + "\n"
            channel.write(HTTPWriter.head("HTTP/1.1 408 Request Timeout", [
                HTTPHeader("Content-Length", String(body.utf8.count)), HTTPHeader("Connection", "close")], body: body))
            channel.closeAfterDraining()
        } else {
            channel.close()
        }
        report(stage: .timeout, status: tlsReady ? 408 : nil, reason: reason)
    }

    /// Drops the handshake without a report (server shutdown).
    func abort() {
        finished = true
        channel.loop.cancelTimer(timer)
        channel.close()
    }

    private func report(stage: HandshakeRejection.Stage, status: Int?, reason: String,
                        path: String? = nil, identity: String? = nil, offered: [String] = []) {
        server.forget(channel)
        server.reject(HandshakeRejection(peer: channel.peer, stage: stage, status: status, reason: reason, path: path,
                                         identity: identity, offeredSubprotocols: offered, headers: headersSeen, tls: tlsDetails))
    }

    /// Keeps the scheme and username of an Authorization header, never the password.
    private static func redacted(_ header: HTTPHeader) -> HTTPHeader {
        guard header.name.lowercased() == "authorization" else { return header }
        let parts = header.value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic", let decoded = Base64.decode(String(parts[1])) else {
            return HTTPHeader(header.name, "\(parts.first ?? "") (redacted)")
        }
        let username = decoded.split(separator: UInt8(ascii: ":"), maxSplits: 1).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return HTTPHeader(header.name, "Basic \(username):(redacted)")
    }
}
