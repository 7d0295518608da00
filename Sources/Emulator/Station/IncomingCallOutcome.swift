import OCPP

/// The station's answer to a central system CALL.
public enum IncomingCallOutcome: Sendable, Equatable {
    /// A CALLRESULT with this payload.
    case result(JSONValue)
    /// A CALLERROR with an OCPP-J error code and a description.
    case error(code: String, description: String)
}
