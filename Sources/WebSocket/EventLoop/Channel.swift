import CEpoll
import Glibc

/// How a channel ended, as its delegate learns.
enum ChannelEnd {
    /// The peer closed the stream (TCP FIN or TLS close_notify).
    case endOfStream
    /// Connecting, TLS, reading or writing failed.
    case failure(String)
    /// We closed it.
    case closedLocally
}

/// The layer above a channel: the handshake first, then the WebSocket session. Loop thread only.
protocol ChannelDelegate: AnyObject {
    /// A client's TCP connect completed (TLS, if any, starts now).
    func channelDidConnect(_ channel: Channel)
    /// Connected (clients) and TLS established (wss): the stream is ready for the HTTP handshake.
    func channelIsReady(_ channel: Channel)
    /// New bytes are in `channel.input`.
    func channelDidRead(_ channel: Channel)
    /// All queued output has been written.
    func channelDidDrain(_ channel: Channel)
    /// The channel is closed; called once.
    func channel(_ channel: Channel, didEnd end: ChannelEnd)
}

extension ChannelDelegate {
    func channelDidConnect(_ channel: Channel) {}
}

/// A non-blocking TCP socket, optionally with TLS, owned by one event loop's thread.
final class Channel: EventHandler {
    private enum Phase {
        case connecting
        case tlsHandshake
        case ready
        case closed
    }

    let loop: EventLoop
    let fd: Int32
    let peer: String
    private(set) var tls: TLSSession?
    var input = ByteBuffer()
    /// Strong on purpose: the loop keeps the channel, the channel keeps its delegate; `finish` breaks the cycle.
    var delegate: ChannelDelegate?

    private var phase: Phase
    private var output: [UInt8] = []
    private var outputSent = 0
    private var interest: UInt32 = 0
    private var closeWhenDrained = false
    /// Set while the reader of the data cannot take more: the socket is not read (TCP holds the peer back).
    private(set) var isReadingPaused = false

    /// An accepted or connecting socket; call ``start(tls:host:)`` next.
    init(loop: EventLoop, fd: Int32, peer: String, connecting: Bool) {
        self.loop = loop
        self.fd = fd
        self.peer = peer
        self.phase = connecting ? .connecting : .ready
    }

    var isClosed: Bool { if case .closed = phase { true } else { false } }
    /// Whether a client socket is still waiting for its TCP connect to complete.
    var isConnecting: Bool { if case .connecting = phase { true } else { false } }
    var pendingOutput: Int { output.count - outputSent }

    /// Registers with the loop and begins connecting / the TLS handshake.
    func start(tls context: TLSContext?, host: String?) {
        if let context {
            guard let session = context.makeSession(fd: fd, host: host) else {
                fail("cannot create TLS session: \(OpenSSLErrors.drain())")
                return
            }
            tls = session
        }
        if case .connecting = phase {
            setInterest(EPOLLOUT.rawValue, register: true)
            return
        }
        setInterest(EPOLLIN.rawValue, register: true)
        if tls != nil {
            phase = .tlsHandshake
            continueTLSHandshake()
        } else {
            delegate?.channelIsReady(self)
        }
    }

    // MARK: Events

    func handle(events: UInt32) {
        switch phase {
        case .closed:
            return
        case .connecting:
            finishConnect()
        case .tlsHandshake:
            continueTLSHandshake()
        case .ready:
            if events & EPOLLOUT.rawValue != 0 { flush() }
            // TLS may have asked to write before it can read on (WANT_WRITE during SSL_read): retry reading too.
            let readable = EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue | (tls != nil ? EPOLLOUT.rawValue : 0)
            if isReadingPaused {
                // A hang-up or error is reported even without EPOLLIN: read to learn how the connection ended.
                if events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 && !isClosed { readAvailable(evenWhenPaused: true) }
            } else if events & readable != 0 && !isClosed {
                readAvailable()
            }
        }
    }

    private func finishConnect() {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else {
            fail(SocketError(operation: "connect \(peer)", errno: error).description, code: error)
            return
        }
        delegate?.channelDidConnect(self)
        if tls != nil {
            phase = .tlsHandshake
            continueTLSHandshake()
        } else {
            phase = .ready
            setInterest(EPOLLIN.rawValue)
            delegate?.channelIsReady(self)
        }
    }

    private func continueTLSHandshake() {
        guard let tls else { return }
        switch tls.handshake() {
        case .done:
            phase = .ready
            setInterest(EPOLLIN.rawValue | (pendingOutput > 0 ? EPOLLOUT.rawValue : 0))
            delegate?.channelIsReady(self)
            if case .ready = phase { readAvailable() }
        case .wantRead: setInterest(EPOLLIN.rawValue)
        case .wantWrite: setInterest(EPOLLIN.rawValue | EPOLLOUT.rawValue)
        case .closed: fail("TLS handshake: peer closed the connection")
        case .failed(let message): fail("TLS handshake: \(message)")
        }
    }

    /// The errno of a failed connect, for a precise client error.
    private(set) var failureCode: Int32 = 0

    // MARK: Reading

    /// Stops reading the socket until ``resumeReading()``; bytes already read stay in `input`.
    func pauseReading() {
        guard !isReadingPaused, !isClosed else { return }
        isReadingPaused = true
        setInterest(interest)
    }

    /// Reads again: first hands the delegate what `input` still holds, then what the socket (or TLS) has.
    func resumeReading() {
        guard isReadingPaused, !isClosed else { return }
        isReadingPaused = false
        setInterest(interest | EPOLLIN.rawValue)
        if !input.isEmpty { delegate?.channelDidRead(self) }
        if case .ready = phase, !isReadingPaused, !isClosed { readAvailable() }
    }

    private func readAvailable(evenWhenPaused: Bool = false) {
        var unreported = 0
        var end: ChannelEnd?
        reading: while !isClosed && (evenWhenPaused || !isReadingPaused) {
            let outcome: TLSSession.Progress = loop.scratch.withUnsafeMutableBytes { buffer in
                if let tls { return tls.read(into: buffer) }
                let count = recv(fd, buffer.baseAddress, buffer.count, 0)
                if count > 0 { return .done(count) }
                if count == 0 { return .closed }
                if errno == EAGAIN || errno == EWOULDBLOCK { return .wantRead }
                if errno == EINTR { return .done(0) }
                return .failed(String(cString: strerror(errno)))
            }
            switch outcome {
            case .done(let count):
                loop.scratch.withUnsafeBytes { input.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                unreported += count
                if unreported >= 1 << 18 {
                    unreported = 0
                    delegate?.channelDidRead(self)
                }
                // A short plain read drained the socket (level-triggered epoll reports any later data). TLS must be
                // read until WANT_READ: decrypted bytes can wait inside OpenSSL where epoll cannot see them.
                if tls == nil && count > 0 && count < loop.scratch.count { break reading }
            case .wantRead:
                break reading
            case .wantWrite:
                setInterest(interest | EPOLLOUT.rawValue)
                break reading
            case .closed:
                end = .endOfStream
                break reading
            case .failed(let message):
                end = .failure("read from \(peer): \(message)")
                break reading
            }
        }
        if unreported > 0 && !isClosed { delegate?.channelDidRead(self) }
        if let end, !isClosed { finish(end) }
    }

    // MARK: Writing

    /// Queues `bytes` and writes as much as the socket takes now.
    func write(_ bytes: [UInt8]) {
        guard !isClosed else { return }
        output.append(contentsOf: bytes)
        if case .ready = phase, interest & EPOLLOUT.rawValue == 0 { flush() }
    }

    /// Closes the channel once all queued output is written, or after `deadline` if the peer does not read it.
    func closeAfterDraining(deadline: Duration = .seconds(5)) {
        closeWhenDrained = true
        if pendingOutput == 0, case .ready = phase {
            close()
        } else {
            loop.schedule(after: deadline) { [weak self] in self?.close() }
        }
    }

    private func flush() {
        while pendingOutput > 0 {
            let outcome: TLSSession.Progress = output.withUnsafeBytes { bytes in
                let remaining = UnsafeRawBufferPointer(rebasing: bytes[outputSent...])
                if let tls { return tls.write(remaining) }
                let count = send(fd, remaining.baseAddress, remaining.count, Int32(MSG_NOSIGNAL))
                if count >= 0 { return .done(count) }
                if errno == EAGAIN || errno == EWOULDBLOCK { return .wantWrite }
                if errno == EINTR { return .done(0) }
                return .failed(String(cString: strerror(errno)))
            }
            switch outcome {
            case .done(let count):
                outputSent += count
            case .wantWrite, .wantRead:
                setInterest(EPOLLIN.rawValue | EPOLLOUT.rawValue)
                compactOutput()
                return
            case .closed:
                finish(.endOfStream)
                return
            case .failed(let message):
                finish(.failure("write to \(peer): \(message)"))
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 1 << 20)
        outputSent = 0
        if interest & EPOLLOUT.rawValue != 0 { setInterest(EPOLLIN.rawValue) }
        if closeWhenDrained {
            close()
            return
        }
        delegate?.channelDidDrain(self)
    }

    private func compactOutput() {
        if outputSent >= 1 << 16 && outputSent * 2 >= output.count {
            output.removeFirst(outputSent)
            outputSent = 0
        }
    }

    // MARK: Closing

    /// Closes now, dropping unsent output.
    func close() {
        finish(.closedLocally)
    }

    private func fail(_ message: String, code: Int32 = 0) {
        failureCode = code
        finish(.failure(message))
    }

    private func finish(_ end: ChannelEnd) {
        if isClosed { return }
        let wasReady: Bool = if case .ready = phase { true } else { false }
        phase = .closed
        if wasReady { tls?.shutdown() }
        loop.deregister(fd)
        Glibc.close(fd)
        let delegate = self.delegate
        self.delegate = nil
        delegate?.channel(self, didEnd: end)
    }

    private func setInterest(_ requested: UInt32, register: Bool = false) {
        let events = isReadingPaused ? requested & ~EPOLLIN.rawValue : requested
        if register {
            interest = events
            loop.register(fd, handler: self, events: events)
        } else if events != interest {
            interest = events
            loop.modify(fd, events: events)
        }
    }
}
