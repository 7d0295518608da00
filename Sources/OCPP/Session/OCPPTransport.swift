/// What a transport delivers to a session.
public enum TransportEvent: Sendable, Hashable {
    /// A text message (an OCPP-J frame, or something pretending to be one).
    case text(String)
    /// A binary message (not allowed by OCPP-J; recorded and reported).
    case binary([UInt8])
    /// The connection closed; nothing follows.
    case closed(TransportClosure)
}

/// How a connection ended.
public struct TransportClosure: Sendable, Hashable, CustomStringConvertible {
    /// The WebSocket close code, when the peer sent one.
    public var code: Int?
    /// The close reason, or what happened (e.g. "connection reset").
    public var reason: String
    /// Whether the close handshake completed (false for a dropped connection).
    public var wasClean: Bool

    /// A closure with its close code (if any), reason and cleanliness.
    public init(code: Int?, reason: String, wasClean: Bool) {
        self.code = code
        self.reason = reason
        self.wasClean = wasClean
    }

    public var description: String {
        let codeText = code.map { "code \($0)" } ?? "no close code"
        return "\(wasClean ? "closed" : "dropped") (\(codeText)\(reason.isEmpty ? "" : ", \(reason)"))"
    }
}

/// The message channel a session runs over: a WebSocket connection in production, an in-memory pair in tests.
public protocol OCPPTransport: Sendable {
    /// The incoming messages, ending with `.closed`. A session reads it once.
    var events: AsyncStream<TransportEvent> { get }
    /// Sends one text message; throws when the connection is gone.
    func send(_ text: String) async throws
    /// Closes the connection with a WebSocket close code and reason.
    func close(code: UInt16, reason: String) async
    /// The executor a session over this transport should run on (the connection's I/O thread, so that a frame is
    /// read, checked and answered without a thread switch); `nil` lets the session have its own queue.
    var sessionExecutor: (any SerialExecutor)? { get }
}

extension OCPPTransport {
    public var sessionExecutor: (any SerialExecutor)? { nil }
}
