/// The error codes of an OCPP-J 1.6 CALLERROR (OCPP-J 1.6 §4.2.3), spelled as the 1.6 specification spells them.
public enum OCPPErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The requested action is not known by the receiver.
    case notImplemented
    /// The requested action is recognized but not supported by the receiver.
    case notSupported
    /// An internal error kept the receiver from processing the action.
    case internalError
    /// The payload for the action is incomplete.
    case protocolError
    /// A security issue kept the receiver from completing the action.
    case securityError
    /// The payload is syntactically incorrect or does not conform to the PDU structure (1.6 spelling).
    case formationViolation
    /// A field contains an invalid value.
    case propertyConstraintViolation
    /// A field violates occurrence constraints (1.6 spelling, "Occurence").
    case occurenceConstraintViolation
    /// A field violates data-type constraints.
    case typeConstraintViolation
    /// Any other error.
    case genericError
    /// A code outside OCPP 1.6, kept as received.
    case unrecognized(String)

    /// All codes OCPP-J 1.6 defines.
    public static let defined: [OCPPErrorCode] = [
        .notImplemented, .notSupported, .internalError, .protocolError, .securityError, .formationViolation,
        .propertyConstraintViolation, .occurenceConstraintViolation, .typeConstraintViolation, .genericError,
    ]

    /// The code as OCPP 1.6 writes it on the wire.
    public var wireName: String {
        switch self {
        case .notImplemented: "NotImplemented"
        case .notSupported: "NotSupported"
        case .internalError: "InternalError"
        case .protocolError: "ProtocolError"
        case .securityError: "SecurityError"
        case .formationViolation: "FormationViolation"
        case .propertyConstraintViolation: "PropertyConstraintViolation"
        case .occurenceConstraintViolation: "OccurenceConstraintViolation"
        case .typeConstraintViolation: "TypeConstraintViolation"
        case .genericError: "GenericError"
        case .unrecognized(let text): text
        }
    }

    public var description: String { wireName }

    /// Reads a code a peer sent. Other spellings in common use (`FormatViolation` from OCPP 2.0.1,
    /// `OccurrenceConstraintViolation` from 2.1) are accepted and reported through `variant`.
    public static func parse(_ text: String) -> (code: OCPPErrorCode, variant: SpellingVariant?) {
        if let code = defined.first(where: { $0.wireName == text }) { return (code, nil) }
        if let code = alternativeSpellings[text] {
            return (code, SpellingVariant(received: text, expected: code.wireName))
        }
        if let code = defined.first(where: { $0.wireName.lowercased() == text.lowercased() }) {
            return (code, SpellingVariant(received: text, expected: code.wireName))
        }
        return (.unrecognized(text), nil)
    }

    /// Spellings of the two oddly spelled 1.6 codes that other OCPP versions and libraries use.
    static let alternativeSpellings: [String: OCPPErrorCode] = [
        "FormatViolation": .formationViolation,
        "FormatationViolation": .formationViolation,
        "OccurrenceConstraintViolation": .occurenceConstraintViolation,
    ]

    /// A code received in a spelling other than OCPP 1.6's.
    public struct SpellingVariant: Sendable, Hashable {
        /// The text received.
        public let received: String
        /// The OCPP 1.6 spelling.
        public let expected: String
    }
}
