/// A frame read from the wire, with what its text revealed beyond the frame itself.
public struct ParsedFrame: Sendable, Hashable {
    /// The frame.
    public let frame: OCPPFrame
    /// For a CALLERROR whose code was not spelled as OCPP 1.6 spells it: what was received.
    public let errorCodeSpelling: OCPPErrorCode.SpellingVariant?
    /// A CALLERROR of four elements, without its error details (some stations send that); only lenient parsing
    /// accepts it, with empty details.
    public let omitsErrorDetails: Bool

    /// A parsed frame and, for a CALLERROR, the spelling of its code when it was not OCPP 1.6's and whether it came
    /// without error details.
    public init(frame: OCPPFrame, errorCodeSpelling: OCPPErrorCode.SpellingVariant? = nil, omitsErrorDetails: Bool = false) {
        self.frame = frame
        self.errorCodeSpelling = errorCodeSpelling
        self.omitsErrorDetails = omitsErrorDetails
    }
}

extension OCPPFrame {
    /// Reads one frame from its text (a WebSocket text message). `lenient` accepts a CALLERROR without its details
    /// element (see ``ParsedFrame/omitsErrorDetails``).
    public static func parse(_ text: String, parser: JSONParser = JSONParser(), lenient: Bool = false) throws(FrameError) -> ParsedFrame {
        let json: JSONValue
        do {
            json = try parser.parse(text)
        } catch {
            throw FrameError(kind: .notJSON(error), message: "not JSON: \(error)", messageTypeId: nil, messageId: nil)
        }
        return try decode(json, lenient: lenient)
    }

    /// Reads one frame from its JSON value. `lenient` accepts a CALLERROR without its details element.
    public static func decode(_ json: JSONValue, lenient: Bool = false) throws(FrameError) -> ParsedFrame {
        guard case .array(let elements) = json else {
            throw FrameError(kind: .notAnArray, message: "an OCPP-J frame is a JSON array, found \(json.typeName)",
                             messageTypeId: nil, messageId: nil)
        }
        var typeId: Int?
        if let first = elements.first, case .integer(let value) = first { typeId = value }
        var messageId: String?
        if elements.count > 1, case .string(let value) = elements[1] { messageId = value }

        func failure(_ kind: FrameError.Kind, _ message: String) -> FrameError {
            FrameError(kind: kind, message: message, messageTypeId: typeId, messageId: messageId)
        }

        guard let typeId, (2...4).contains(typeId) else {
            let found = elements.first.map(\.jsonText) ?? "nothing"
            throw failure(.unknownMessageType,
                          "the message type id must be 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR), found \(found)")
        }
        let expectedCount = typeId == 2 ? 4 : (typeId == 3 ? 3 : 5)
        let typeName = typeId == 2 ? "CALL" : (typeId == 3 ? "CALLRESULT" : "CALLERROR")
        let omitsErrorDetails = lenient && typeId == 4 && elements.count == 4
        guard elements.count == expectedCount || omitsErrorDetails else {
            throw failure(.wrongElementCount(expected: expectedCount, found: elements.count),
                          "a \(typeName) has \(expectedCount) elements, found \(elements.count)")
        }
        guard let id = messageId, !id.isEmpty else {
            throw failure(.invalidMessageId, "the message id (element 2) must be a non-empty string, found \(elements[1].jsonText)")
        }
        guard id.count <= maximumMessageIdLength else {
            throw failure(.messageIdTooLong(length: id.count),
                          "the message id has \(id.count) characters; OCPP-J allows at most \(maximumMessageIdLength)")
        }
        switch typeId {
        case 2:
            guard case .string(let action) = elements[2], !action.isEmpty else {
                throw failure(.invalidAction, "the action (element 3) must be a non-empty string, found \(elements[2].jsonText)")
            }
            guard case .object = elements[3] else {
                throw failure(.payloadNotAnObject, "the payload (element 4) must be an object, found \(elements[3].typeName)")
            }
            return ParsedFrame(frame: .call(id: id, action: action, payload: elements[3]))
        case 3:
            guard case .object = elements[2] else {
                throw failure(.payloadNotAnObject, "the payload (element 3) must be an object, found \(elements[2].typeName)")
            }
            return ParsedFrame(frame: .callResult(id: id, payload: elements[2]))
        default:
            let details = omitsErrorDetails ? JSONValue.object([:]) : elements[4]
            guard case .string(let codeText) = elements[2], case .string(let description) = elements[3],
                  case .object = details
            else {
                throw failure(.invalidErrorFields,
                              "a CALLERROR needs a string error code, a string description and an object of details")
            }
            let (code, variant) = OCPPErrorCode.parse(codeText)
            return ParsedFrame(frame: .callError(id: id, code: code, description: description, details: details),
                               errorCodeSpelling: variant, omitsErrorDetails: omitsErrorDetails)
        }
    }
}
