/// How a CALL we sent ended.
public enum CallOutcome: Sendable, Hashable {
    /// A CALLRESULT; `validation` is the payload's check against the action's response definition (its errors make
    /// a scenario fail).
    case result(JSONValue, validation: ValidationReport)
    /// A CALLERROR, with the code normalized to the OCPP 1.6 spelling.
    case error(code: OCPPErrorCode, description: String, details: JSONValue)
    /// No answer within the deadline.
    case timeout
    /// The connection closed before the answer came (or before the CALL could be sent).
    case disconnected

    /// The payload of a result, `nil` otherwise.
    public var resultPayload: JSONValue? {
        if case .result(let payload, _) = self { return payload }
        return nil
    }
}
