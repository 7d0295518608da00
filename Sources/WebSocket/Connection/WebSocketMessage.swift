/// A complete WebSocket data message.
public enum WebSocketMessage: Sendable, Hashable {
    /// A text message (valid UTF-8 guaranteed).
    case text(String)
    /// A binary message.
    case binary([UInt8])
}
