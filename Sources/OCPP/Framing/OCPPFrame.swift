/// One OCPP-J message: a CALL, a CALLRESULT or a CALLERROR.
public enum OCPPFrame: Sendable, Hashable {
    /// `[2, id, action, payload]`: a request.
    case call(id: String, action: String, payload: JSONValue)
    /// `[3, id, payload]`: the answer to a CALL.
    case callResult(id: String, payload: JSONValue)
    /// `[4, id, errorCode, errorDescription, errorDetails]`: a CALL that could not be processed.
    case callError(id: String, code: OCPPErrorCode, description: String, details: JSONValue)

    /// The longest message id OCPP-J 1.6 allows (§4.1.4: "to allow for GUIDs").
    public static let maximumMessageIdLength = 36

    /// The message type id on the wire: 2, 3 or 4.
    public var messageTypeId: Int {
        switch self {
        case .call: 2
        case .callResult: 3
        case .callError: 4
        }
    }

    /// "CALL", "CALLRESULT" or "CALLERROR".
    public var typeName: String {
        switch self {
        case .call: "CALL"
        case .callResult: "CALLRESULT"
        case .callError: "CALLERROR"
        }
    }

    /// The message id.
    public var id: String {
        switch self {
        case .call(let id, _, _), .callResult(let id, _), .callError(let id, _, _, _): id
        }
    }

    /// The action of a CALL, `nil` for the other kinds.
    public var action: String? {
        if case .call(_, let action, _) = self { return action }
        return nil
    }

    /// The payload of a CALL or CALLRESULT, the details of a CALLERROR.
    public var payload: JSONValue {
        switch self {
        case .call(_, _, let payload), .callResult(_, let payload): payload
        case .callError(_, _, _, let details): details
        }
    }

    /// The frame as a JSON array.
    public var jsonValue: JSONValue {
        switch self {
        case .call(let id, let action, let payload): [2, .string(id), .string(action), payload]
        case .callResult(let id, let payload): [3, .string(id), payload]
        case .callError(let id, let code, let description, let details):
            [4, .string(id), .string(code.wireName), .string(description), details]
        }
    }

    /// The frame as compact JSON text, ready to send.
    public var text: String { jsonValue.jsonText }
}
