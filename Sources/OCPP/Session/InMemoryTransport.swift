import Locking

/// One end of an in-memory connection: what one end sends, the other receives, in order. For tests and benchmarks.
public final class InMemoryTransport: OCPPTransport {
    /// The transport is closed; nothing more can be sent.
    public struct ClosedError: Error, Sendable, CustomStringConvertible {
        public var description: String { "the in-memory connection is closed" }
    }

    public let events: AsyncStream<TransportEvent>
    let inbox: AsyncStream<TransportEvent>.Continuation
    /// The other end's inbox; nil once this side is closed. The mutex serializes sends and close.
    let peer: Locked<Peer?>

    /// A reference to the other end's inbox (set once both ends exist).
    struct Peer {
        let inbox: AsyncStream<TransportEvent>.Continuation
        let close: @Sendable (TransportClosure) -> Void
    }

    init() {
        (events, inbox) = AsyncStream.makeStream(of: TransportEvent.self)
        peer = Locked(nil)
    }

    /// Two connected ends.
    public static func pair() -> (InMemoryTransport, InMemoryTransport) {
        let a = InMemoryTransport()
        let b = InMemoryTransport()
        a.connect(to: b)
        b.connect(to: a)
        return (a, b)
    }

    func connect(to other: InMemoryTransport) {
        peer.withLock {
            $0 = Peer(inbox: other.inbox, close: { [weak other] closure in other?.receiveClose(closure) })
        }
    }

    public func send(_ text: String) async throws {
        try peer.withLock { peer throws(ClosedError) in
            guard let peer else { throw ClosedError() }
            peer.inbox.yield(.text(text))
        }
    }

    /// Sends a binary message (to test how sessions treat them).
    public func send(binary bytes: [UInt8]) throws {
        try peer.withLock { peer throws(ClosedError) in
            guard let peer else { throw ClosedError() }
            peer.inbox.yield(.binary(bytes))
        }
    }

    public func close(code: UInt16, reason: String) async {
        end(TransportClosure(code: Int(code), reason: reason, wasClean: true))
    }

    /// Drops the connection without a close handshake, as a network failure would.
    public func drop() {
        end(TransportClosure(code: nil, reason: "connection dropped", wasClean: false))
    }

    /// Ends both sides with `closure`: the other end first, then this one.
    private func end(_ closure: TransportClosure) {
        let other = peer.withLock { peer -> Peer? in
            defer { peer = nil }
            return peer
        }
        other?.close(closure)
        inbox.yield(.closed(closure))
        inbox.finish()
    }

    func receiveClose(_ closure: TransportClosure) {
        peer.withLock { $0 = nil }
        inbox.yield(.closed(closure))
        inbox.finish()
    }
}
