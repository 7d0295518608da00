/// Why a text is not a valid OCPP-J frame, with what could be recovered from it and the CALLERROR to answer with.
public struct FrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The text is not JSON.
        case notJSON(JSONParseError)
        /// The JSON is not an array.
        case notAnArray
        /// The first element is not 2, 3 or 4.
        case unknownMessageType
        /// The array has the wrong number of elements for its message type.
        case wrongElementCount(expected: Int, found: Int)
        /// The message id is not a non-empty string.
        case invalidMessageId
        /// The message id is longer than 36 characters.
        case messageIdTooLong(length: Int)
        /// A CALL's action is not a string.
        case invalidAction
        /// A CALL's or CALLRESULT's payload is not an object.
        case payloadNotAnObject
        /// A CALLERROR's code or description is not a string, or its details not an object.
        case invalidErrorFields
    }

    /// What is wrong.
    public let kind: Kind
    /// What is wrong, in words, naming the offending element.
    public let message: String
    /// The message type id, when the first element is an integer.
    public let messageTypeId: Int?
    /// The message id, when the second element is a string (so a CALLERROR can answer it).
    public let messageId: String?

    /// An error with what could be recovered from the frame.
    public init(kind: Kind, message: String, messageTypeId: Int?, messageId: String?) {
        self.kind = kind
        self.message = message
        self.messageTypeId = messageTypeId
        self.messageId = messageId
    }

    public var description: String { message }

    /// The CALLERROR code OCPP-J prescribes for this frame, or `nil` when no answer is possible or allowed
    /// (no message id to answer, or the frame was a CALLRESULT or CALLERROR, which are never answered).
    public var replyCode: OCPPErrorCode? {
        guard messageId != nil, messageTypeId != 3, messageTypeId != 4 else { return nil }
        switch kind {
        case .notJSON, .notAnArray, .invalidMessageId: return nil
        case .unknownMessageType: return .protocolError
        case .wrongElementCount(let expected, let found) where found < expected: return .protocolError
        case .wrongElementCount, .messageIdTooLong, .invalidAction, .payloadNotAnObject, .invalidErrorFields:
            return .formationViolation
        }
    }
}
