/// What the loader needs to know about OCPP messages to check scenarios: action names, who sends each, and the shape
/// of each payload. The OCPP module's catalog is adapted to this protocol; tests can plug in a small one.
public protocol MessageCatalog: Sendable {
    /// Every action name.
    var actionNames: [String] { get }
    /// Who may send a CALL of `action`, `nil` for an unknown action.
    func initiator(of action: String) -> MessageInitiator?
    /// The shape of the request (`.request`) or response (`.response`) payload of `action`.
    func shape(of action: String, _ part: MessagePart) -> PayloadShape?
}

/// Who sends the CALL of an action.
public enum MessageInitiator: Sendable, Hashable {
    case station, centralSystem, either
}

/// The request or the response of an action.
public enum MessagePart: Sendable, Hashable {
    case request, response
}

/// A payload schema reduced to what a scenario check needs.
public indirect enum PayloadShape: Sendable, Hashable {
    case string(allowed: [String]?)
    case integer
    case number
    case boolean
    case dateTime
    case object(fields: [String: PayloadShape], required: [String])
    case array(PayloadShape)
    case any
}
