import Glibc

/// A client socket from TCP connect to the server's 101 (or refusal). Loop thread only.
final class ClientHandshake: ChannelDelegate {
    private enum Stage: String {
        case connecting = "TCP connect"
        case tls = "TLS handshake"
        case upgrade = "HTTP upgrade"
    }

    private let channel: Channel
    private let target: ClientTarget
    private let configuration: WebSocketClient.Configuration
    private var completion: ((Result<WebSocketConnection, WebSocketClientError>) -> Void)?
    private let key = WebSocketAccept.makeKey()
    private var stage = Stage.connecting
    private var timer: TimerQueue.ID?
    /// A non-101 response, kept while its body arrives.
    private var refusal: UpgradeResponse.Refusal?

    init(channel: Channel, target: ClientTarget, configuration: WebSocketClient.Configuration,
         completion: @escaping (Result<WebSocketConnection, WebSocketClientError>) -> Void) {
        self.channel = channel
        self.target = target
        self.configuration = configuration
        self.completion = completion
    }

    func start(tls: TLSContext?) {
        let timeout = configuration.connectTimeout
        timer = channel.loop.schedule(after: timeout) { [weak self] in
            guard let self else { return }
            self.finish(.failure(.timeout(peer: self.channel.peer, stage: self.stage.rawValue, after: timeout)))
            self.channel.close()
        }
        channel.delegate = self
        channel.start(tls: tls, host: target.host)
    }

    // MARK: ChannelDelegate

    func channelDidConnect(_ channel: Channel) {
        if channel.tls != nil { stage = .tls }
    }

    func channelIsReady(_ channel: Channel) {
        stage = .upgrade
        var headers = [HTTPHeader("Host", target.hostHeader), HTTPHeader("Upgrade", "websocket"),
                       HTTPHeader("Connection", "Upgrade"), HTTPHeader("Sec-WebSocket-Key", key),
                       HTTPHeader("Sec-WebSocket-Version", "13")]
        if !configuration.subprotocols.isEmpty {
            headers.append(HTTPHeader("Sec-WebSocket-Protocol", configuration.subprotocols.joined(separator: ", ")))
        }
        if let credentials = configuration.basicAuth {
            headers.append(HTTPHeader("Authorization", "Basic " + Base64.encode(Array(credentials.username.utf8) + [UInt8(ascii: ":")] + credentials.password)))
        }
        headers += configuration.extraHeaders
        channel.write(HTTPWriter.head("GET \(target.resource) HTTP/1.1", headers))
    }

    func channelDidDrain(_ channel: Channel) {}

    func channelDidRead(_ channel: Channel) {
        guard completion != nil else { return }
        if refusal != nil {
            finishRefusalIfComplete(atEnd: false)
            return
        }
        switch HTTPHeadParser.parse(channel.input.readable, limit: 16 * 1024) {
        case .incomplete:
            return
        case .tooLarge(let reason), .malformed(let reason):
            fail(.invalidResponse(reason))
        case .complete(let head, let consumed):
            channel.input.consume(consumed)
            evaluate(head)
        }
    }

    func channel(_ channel: Channel, didEnd end: ChannelEnd) {
        guard completion != nil else { return }
        if refusal != nil {
            finishRefusalIfComplete(atEnd: true)
            return
        }
        switch (end, stage) {
        case (.failure, .connecting) where channel.failureCode == ECONNREFUSED:
            finish(.failure(.connectionRefused(peer: channel.peer)))
        case (.failure(let message), .connecting):
            finish(.failure(.connectFailed(peer: channel.peer, reason: message)))
        case (.failure(let message), .tls):
            finish(.failure(.tlsFailed(peer: channel.peer, reason: message)))
        case (.failure(let message), _):
            finish(.failure(Self.isTLSAlert(message) ? .tlsFailed(peer: channel.peer, reason: message)
                                                     : .closedDuringHandshake(peer: channel.peer, reason: message)))
        case (.endOfStream, _), (.closedLocally, _):
            finish(.failure(.closedDuringHandshake(peer: channel.peer, reason: "no response to the upgrade request")))
        }
    }

    /// With TLS 1.3 a rejected client certificate shows up as an alert on the first read, after `SSL_connect`.
    private static func isTLSAlert(_ message: String) -> Bool {
        message.contains("alert") || message.contains("SSL routines")
    }

    // MARK: Response

    private func evaluate(_ head: HTTPHead) {
        let agreed: String?
        do throws(WebSocketClientError) {
            switch try UpgradeResponse(head: head, key: key, offeredSubprotocols: configuration.subprotocols) {
            case .refused(let refusal):
                self.refusal = refusal
                finishRefusalIfComplete(atEnd: false)
                return
            case .accepted(let subprotocol):
                agreed = subprotocol
            }
        } catch {
            return fail(error)
        }
        let settings = SessionSettings(maximumMessageSize: configuration.maximumMessageSize,
                                       pingInterval: configuration.pingInterval, pongDeadline: configuration.pongDeadline)
        let session = Session(role: .client, channel: channel, settings: settings)
        let tlsDetails = channel.tls?.details
        let security: SecurityLevel = tlsDetails == nil ? (configuration.basicAuth != nil ? .basic : .none)
            : configuration.tls.certificatePath != nil ? .mtls : configuration.basicAuth != nil ? .basic : .tls
        let path = String(target.resource.prefix { $0 != "?" })
        let identity = path.split(separator: "/").last.map { String($0).removingPercentEncodingStrictly() ?? String($0) } ?? ""
        let info = ConnectionInfo(peer: channel.peer, path: path, identity: identity,
                                  offeredSubprotocols: configuration.subprotocols, subprotocol: agreed, security: security,
                                  tls: tlsDetails, basicKeyForm: configuration.basicAuth != nil ? .plain : nil, notes: [],
                                  headers: head.headers)
        let connection = WebSocketConnection(info: info, session: session)
        finish(.success(connection))
        session.begin()
    }

    private func finishRefusalIfComplete(atEnd: Bool) {
        guard let refusal, atEnd || channel.input.count >= refusal.bodyLength else { return }
        finish(.failure(refusal.error(body: channel.input.readable)))
        channel.close()
    }

    private func fail(_ error: WebSocketClientError) {
        finish(.failure(error))
        channel.close()
    }

    private func finish(_ result: Result<WebSocketConnection, WebSocketClientError>) {
        channel.loop.cancelTimer(timer)
        let completion = self.completion
        self.completion = nil
        completion?(result)
    }
}
