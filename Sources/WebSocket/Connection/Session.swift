/// The open-connection protocol machine: frames in, events out, the close handshake, pings.
final class Session: ChannelDelegate, @unchecked Sendable {
    // Thread-safety: every stored `var` is used only on `channel.loop`'s thread; ``WebSocketConnection`` reaches
    // the session only through `loop.execute` or while already running on the loop.

    enum Role { case server, client }

    private enum State {
        case open
        /// A violation was found; messages before it are being answered, then the failure close goes out.
        case failing
        /// We sent a close frame and wait for the peer's.
        case closeSent
        /// Both close frames exchanged; a client waits for the server to close TCP.
        case closeExchanged
        case closed
    }

    /// Output queued beyond this makes `send` wait for the socket to drain.
    static let highWater = 1 << 20

    let role: Role
    let channel: Channel
    let settings: SessionSettings
    let ending = OneShot<CloseInfo>()
    /// Received messages not yet read; when full, the channel stops reading until the application catches up.
    let inbox = MessageInbox()
    private var parser: FrameParser
    private var state = State.open
    private var outcome: CloseInfo?
    private var sendWaiters: [CheckedContinuation<Void, any Error>] = []
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []
    private var pingTimer: TimerQueue.ID?
    private var pongTimer: TimerQueue.ID?
    private var closeTimer: TimerQueue.ID?
    /// Called once when the connection has ended (the server forgets it).
    var onEnd: (() -> Void)?

    init(role: Role, channel: Channel, settings: SessionSettings) {
        self.role = role
        self.channel = channel
        self.settings = settings
        self.parser = FrameParser(expectMasked: role == .server, maximumMessageSize: settings.maximumMessageSize)
    }

    /// The received messages, one at a time as they are asked for.
    var messages: AsyncStream<WebSocketMessage> {
        AsyncStream(unfolding: { [weak self] in await self?.nextMessage() })
    }

    /// The next received message, waiting for one; `nil` once the connection has ended and all were read. Reading
    /// resumes on the loop when this takes a full inbox down to half.
    func nextMessage() async -> WebSocketMessage? {
        let taken = await inbox.next()
        if taken.drained { channel.loop.execute { self.channel.resumeReading() } }
        return taken.message
    }

    /// Takes over the channel after a successful handshake; bytes already read are processed.
    func begin() {
        channel.delegate = self
        schedulePing()
        if !channel.input.isEmpty { processInput() }
    }

    // MARK: ChannelDelegate

    func channelIsReady(_ channel: Channel) {}

    func channelDidRead(_ channel: Channel) {
        processInput()
    }

    func channelDidDrain(_ channel: Channel) {
        let waiters = sendWaiters
        sendWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    func channel(_ channel: Channel, didEnd end: ChannelEnd) {
        let info: CloseInfo
        if let outcome {
            info = outcome
        } else {
            switch end {
            case .endOfStream: info = CloseInfo(code: 1006, reason: "", initiator: .failure, failure: .abnormalClosure)
            case .failure(let message): info = CloseInfo(code: 1006, reason: "", initiator: .failure, failure: .transport(message))
            case .closedLocally: info = CloseInfo(code: 1006, reason: "", initiator: .local, failure: nil)
            }
        }
        state = .closed
        for timer in [pingTimer, pongTimer, closeTimer] { channel.loop.cancelTimer(timer) }
        inbox.finish()
        let waiters = sendWaiters
        sendWaiters = []
        for waiter in waiters { waiter.resume(throwing: WebSocketError.connectionClosed(info)) }
        ending.complete(info)
        let closers = closeWaiters
        closeWaiters = []
        for closer in closers { closer.resume() }
        onEnd?()
        onEnd = nil
    }

    // MARK: Incoming

    private func processInput() {
        while !channel.isClosed && state != .failing && !channel.isReadingPaused {
            let event: FrameEvent?
            do {
                event = try parser.next(from: &channel.input)
            } catch {
                guard state == .open else {
                    // Already closing: a broken frame now just ends the connection.
                    channel.close()
                    return
                }
                // Let tasks already woken for earlier messages run first (their replies go out before the close).
                state = .failing
                let peerClosing = parser.currentFrameIsClose
                channel.loop.execute { self.failConnection(error, peerClosing: peerClosing) }
                return
            }
            guard let event else { return }
            handle(event)
        }
    }

    private func handle(_ event: FrameEvent) {
        switch event {
        case .message(let message):
            if case .open = state, inbox.push(message) { channel.pauseReading() }
        case .ping(let payload):
            if case .open = state { channel.write(FrameEncoder.encode(.pong, payload: payload, masked: role == .client)) }
        case .pong:
            channel.loop.cancelTimer(pongTimer)
            pongTimer = nil
        case .close(let code, let reason):
            receivedClose(code: code, reason: reason)
        }
    }

    private func receivedClose(code: UInt16?, reason: String) {
        switch state {
        case .open:
            outcome = CloseInfo(code: code ?? 1005, reason: reason, initiator: .peer, failure: nil)
            let reply = code.map { FrameEncoder.closePayload(code: $0, reason: "") } ?? []
            channel.write(FrameEncoder.encode(.close, payload: reply, masked: role == .client))
            inbox.finish()
            closeExchanged()
        case .closeSent:
            closeExchanged()
        case .failing, .closeExchanged, .closed:
            break
        }
    }

    /// Servers close TCP first (RFC 6455 §7.1.1); clients wait for that, within the close timeout.
    private func closeExchanged() {
        state = .closeExchanged
        switch role {
        case .server:
            channel.closeAfterDraining()
        case .client:
            channel.loop.cancelTimer(closeTimer)
            closeTimer = channel.loop.schedule(after: settings.closeTimeout) { [weak self] in self?.channel.close() }
        }
    }

    /// Sends the violation's close code, then waits (bounded) for the peer's close frame — unless the violation
    /// was in the peer's own close frame, which already ended its side.
    private func failConnection(_ violation: ProtocolViolation, peerClosing: Bool) {
        guard case .failing = state, !channel.isClosed else { return }
        outcome = CloseInfo(code: violation.code, reason: violation.detail, initiator: .failure,
                            failure: .protocolViolation(violation))
        sendClose(code: violation.code, reason: violation.detail)
        if peerClosing { closeExchanged() }
    }

    // MARK: Outgoing

    /// Queues an encoded data frame; `completion` resumes when the queue is below the high-water mark.
    func enqueue(frame: [UInt8], completion: CheckedContinuation<Void, any Error>) {
        guard state == .open || state == .failing, !channel.isClosed else {
            completion.resume(throwing: WebSocketError.connectionClosed(ending.current))
            return
        }
        channel.write(frame)
        if channel.isClosed {
            completion.resume(throwing: WebSocketError.connectionClosed(ending.current))
        } else if channel.pendingOutput > Self.highWater {
            sendWaiters.append(completion)
        } else {
            completion.resume()
        }
    }

    /// Starts the close handshake; `completion` resumes once the connection is closed.
    func close(code: UInt16, reason: String, completion: CheckedContinuation<Void, Never>) {
        guard !channel.isClosed else {
            completion.resume()
            return
        }
        closeWaiters.append(completion)
        guard case .open = state else { return }
        let code = FrameParser.isValidCloseCode(code) ? code : 1000
        outcome = CloseInfo(code: code, reason: reason, initiator: .local, failure: nil)
        sendClose(code: code, reason: reason)
    }

    private func sendClose(code: UInt16, reason: String) {
        state = .closeSent
        inbox.finish()
        // Read on (messages are no longer queued) so the peer's close frame is seen.
        channel.loop.execute { self.channel.resumeReading() }
        channel.write(FrameEncoder.encode(.close, payload: FrameEncoder.closePayload(code: code, reason: reason), masked: role == .client))
        closeTimer = channel.loop.schedule(after: settings.closeTimeout) { [weak self] in
            guard let self else { return }
            if self.outcome?.failure == nil { self.outcome?.failure = .closeTimeout }
            self.channel.close()
        }
    }

    // MARK: Pings

    private func schedulePing() {
        guard let interval = settings.pingInterval, interval > .zero else { return }
        pingTimer = channel.loop.schedule(after: interval) { [weak self] in self?.sendPing() }
    }

    private func sendPing() {
        guard case .open = state else { return }
        if pongTimer == nil {
            channel.write(FrameEncoder.encode(.ping, payload: [], masked: role == .client))
            let deadline = settings.pongDeadline
            pongTimer = channel.loop.schedule(after: deadline) { [weak self] in
                guard let self else { return }
                self.outcome = CloseInfo(code: 1006, reason: "", initiator: .failure, failure: .pingTimeout(deadline))
                self.channel.close()
            }
        }
        schedulePing()
    }
}
