/// An open WebSocket connection, server or client side.
///
/// Incoming messages arrive on ``messages`` (or one by one from ``receive()``); while 1 MiB or 1,000 messages wait
/// unread, the socket is not read, so a fast peer is held back by TCP. ``send(text:)`` and ``send(binary:)`` wait
/// while more than 1 MiB is queued for the socket. Run the tasks that use a connection with
/// `Task(executorPreference: connection.executor)` to keep them on the connection's I/O thread.
public final class WebSocketConnection: Sendable {
    /// Peer, path, identity, subprotocol and security of this connection.
    public let info: ConnectionInfo
    /// Incoming data messages; finishes when the connection closes. Read it from one task at a time.
    public let messages: AsyncStream<WebSocketMessage>
    /// The event loop that does this connection's I/O; a good executor preference for tasks using it.
    public let executor: EventLoop
    let session: Session

    init(info: ConnectionInfo, session: Session) {
        self.info = info
        self.session = session
        self.messages = session.messages
        self.executor = session.channel.loop
    }

    /// The next incoming data message, waiting for it; `nil` once the connection has closed and every message was
    /// read, or when the waiting task is cancelled. Takes from the same queue as ``messages``.
    public func receive() async -> WebSocketMessage? {
        await session.nextMessage()
    }

    /// How the connection ended; waits until it has.
    public var closure: CloseInfo {
        get async { await session.ending.value }
    }

    /// Sends a text message. Throws ``WebSocketError/connectionClosed(_:)`` once closing has begun.
    public func send(text: String) async throws {
        try await send(frame: FrameEncoder.encode(.text, payload: text.utf8, masked: session.role == .client))
    }

    /// Sends a binary message. Throws ``WebSocketError/connectionClosed(_:)`` once closing has begun.
    public func send(binary: [UInt8]) async throws {
        try await send(frame: FrameEncoder.encode(.binary, payload: binary, masked: session.role == .client))
    }

    /// Sends a message of either kind.
    public func send(_ message: WebSocketMessage) async throws {
        switch message {
        case .text(let text): try await send(text: text)
        case .binary(let bytes): try await send(binary: bytes)
        }
    }

    /// Starts the close handshake with `code` (1000 when `code` may not be sent) and waits until the connection
    /// is closed (at most the close timeout, 5 s, after which the socket is dropped).
    public func close(code: UInt16 = 1000, reason: String = "") async {
        let session = self.session
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            onLoop { session.close(code: code, reason: reason, completion: continuation) }
        }
    }

    private func send(frame: [UInt8]) async throws {
        let session = self.session
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            onLoop { session.enqueue(frame: frame, completion: continuation) }
        }
    }

    private func onLoop(_ body: @escaping @Sendable () -> Void) {
        if executor.inLoop { body() } else { executor.execute(body) }
    }
}
