/// How a connection ended.
public struct CloseInfo: Sendable, Hashable, CustomStringConvertible {
    /// Who ended it.
    public enum Initiator: String, Sendable, Hashable {
        /// The peer sent a close frame first.
        case peer
        /// We called ``WebSocketConnection/close(code:reason:)``.
        case local
        /// Something went wrong; see ``CloseInfo/failure``.
        case failure
    }

    /// What went wrong, when the connection did not end with a close handshake.
    public enum Failure: Sendable, Hashable, CustomStringConvertible {
        /// The peer broke RFC 6455 (close code 1002, 1007 or 1009 sent).
        case protocolViolation(ProtocolViolation)
        /// No pong arrived within the deadline after our ping.
        case pingTimeout(Duration)
        /// The peer closed the TCP/TLS stream without a close frame.
        case abnormalClosure
        /// The peer did not answer our close frame in time.
        case closeTimeout
        /// A socket or TLS error.
        case transport(String)

        public var description: String {
            switch self {
            case .protocolViolation(let violation): "protocol violation \(violation)"
            case .pingTimeout(let deadline): "no pong within \(deadline)"
            case .abnormalClosure: "connection dropped without a close frame"
            case .closeTimeout: "peer did not answer the close frame in time"
            case .transport(let message): message
            }
        }
    }

    /// The close code: the one received (peer), sent (local, violation), 1005 when the close frame had none,
    /// 1006 when no close frame was exchanged.
    public var code: UInt16
    /// The close reason received or sent (the violation's detail for failures).
    public var reason: String
    /// Who ended the connection.
    public var initiator: Initiator
    /// What went wrong, nil after a clean close handshake.
    public var failure: Failure?

    /// A closure as described by its parts.
    public init(code: UInt16, reason: String, initiator: Initiator, failure: Failure?) {
        self.code = code
        self.reason = reason
        self.initiator = initiator
        self.failure = failure
    }

    public var description: String {
        var text = "closed by \(initiator.rawValue) with \(code)"
        if !reason.isEmpty { text += " \"\(reason)\"" }
        if let failure { text += " (\(failure))" }
        return text
    }
}
