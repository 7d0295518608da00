/// Errors of an open ``WebSocketConnection``.
public enum WebSocketError: Error, Sendable, CustomStringConvertible {
    /// The connection is closed or closing; sending is no longer possible.
    case connectionClosed(CloseInfo?)

    public var description: String {
        switch self {
        case .connectionClosed(let info?): "connection \(info)"
        case .connectionClosed(nil): "connection is closing"
        }
    }
}
