/// Settings of an open connection shared by server and client.
struct SessionSettings: Sendable {
    var maximumMessageSize: Int
    var pingInterval: Duration?
    var pongDeadline: Duration
    /// How long to wait for the peer's answer to our close frame, or for the server's TCP close.
    var closeTimeout: Duration = .seconds(5)
}
