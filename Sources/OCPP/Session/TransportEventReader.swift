import Locking
import WebSocket

/// Reads a WebSocket connection as OCPP transport events, one at a time as they are asked for: its messages, then
/// its closure once, then `nil`. Nothing is read ahead, so a reader that falls behind holds the peer back (the
/// connection stops reading its socket) instead of buffering.
public final class TransportEventReader: Sendable {
    /// The connection read.
    public let connection: WebSocketConnection
    private let closureReported = Locked(false)

    /// A reader of `connection`; read each connection through one reader (or its `events`) only.
    public init(_ connection: WebSocketConnection) {
        self.connection = connection
    }

    /// The next event, waiting for it; `nil` after the closure, or when the waiting task is cancelled.
    public func next() async -> TransportEvent? {
        switch await connection.receive() {
        case .text(let text)?: return .text(text)
        case .binary(let bytes)?: return .binary(bytes)
        case nil:
            let first = closureReported.withLock { reported in
                defer { reported = true }
                return !reported
            }
            guard first, !Task.isCancelled else { return nil }
            return .closed(TransportClosure(await connection.closure))
        }
    }
}
