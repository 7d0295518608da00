import OCPP

/// Something the emulated station did or had done to it, for tests, the runner's report and the fleet summary.
public enum EmulatorEvent: Sendable, Equatable {
    /// A connection attempt to `url`.
    case connecting(url: String)
    /// The WebSocket connection is open.
    case connected
    /// A connection attempt failed, with the reason.
    case connectFailed(reason: String)
    /// The connection closed, with how.
    case disconnected(reason: String)
    /// The station sent a CALL.
    case sent(action: String, payload: JSONValue)
    /// A CALL of the station ended: `result` is the CALLRESULT payload, `nil` for a CALLERROR, timeout or lost
    /// connection (described in `failure`).
    case answered(action: String, result: JSONValue?, failure: String?)
    /// The central system sent a CALL.
    case received(action: String, payload: JSONValue)
    /// The station answered a central system CALL.
    case responded(action: String, outcome: IncomingCallOutcome)
    /// A physical action was carried out.
    case performed(PhysicalAction)
    /// The emulator stopped.
    case stopped
}
