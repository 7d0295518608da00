/// Something a side of an OCPP-J conversation did wrong (or oddly), with the evidence: the raw frame, its id and action.
///
/// Sessions collect findings as frames pass; `CheckTrace` finds the same ones in a recorded trace.
public struct OCPPFinding: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Not valid OCPP-J: not JSON, not an array, wrong type id or arity, bad or too long id, …
        case malformedFrame = "malformed-frame"
        /// A binary WebSocket message (OCPP-J uses text messages only).
        case binaryFrame = "binary-frame"
        /// A CALL whose action OCPP 1.6 does not define.
        case unknownAction = "unknown-action"
        /// A CALL sent by the side that must not send it (e.g. a charge point sending Reset).
        case wrongDirection = "wrong-direction"
        /// A CALL or CALLRESULT payload that breaks the catalog.
        case schemaViolation = "schema-violation"
        /// A CALLERROR code spelled other than OCPP 1.6 spells it (`FormatViolation`, `OccurrenceConstraintViolation`).
        case errorCodeSpelling = "error-code-spelling"
        /// `NotImplemented` for a known action, or `NotSupported` for an unknown one (OCPP-J §4.2.3).
        case errorCodeMixUp = "error-code-mix-up"
        /// A CALLERROR code OCPP 1.6 does not define.
        case unrecognizedErrorCode = "unrecognized-error-code"
        /// A CALL that never got a CALLRESULT or CALLERROR.
        case unansweredCall = "unanswered-call"
        /// A CALLRESULT or CALLERROR whose id matches no outstanding CALL.
        case unexpectedResponse = "unexpected-response"
        /// A response that came after its CALL had timed out.
        case lateResponse = "late-response"
        /// A CALL that reuses a message id its sender already used.
        case duplicateMessageId = "duplicate-message-id"
        /// A CALL sent while the same sender still waited for the answer to its previous CALL (OCPP-J §4.1.1).
        case concurrentCall = "concurrent-call"
        /// A trace line that is not in the trace format (only `CheckTrace` reports these).
        case traceFormat = "trace-format"
    }

    /// What kind of problem.
    public let kind: Kind
    /// Error (breaks the specification) or warning (tolerated, but worth fixing).
    public let severity: Violation.Severity
    /// What happened, in a sentence.
    public let message: String
    /// The side at fault (the sender of the frame), when known.
    public let sender: OCPPRole?
    /// The message id involved, when known.
    public let messageId: String?
    /// The action involved, when known.
    public let action: String?
    /// The frame text exactly as on the wire, when a frame is the evidence.
    public let raw: String?
    /// The payload violations, for `schemaViolation`.
    public let violations: [Violation]
    /// Where the evidence is, e.g. `trace.jsonl:12` (set by `CheckTrace`).
    public var location: String?

    /// A finding with its evidence.
    public init(_ kind: Kind, _ severity: Violation.Severity, _ message: String, sender: OCPPRole? = nil,
                messageId: String? = nil, action: String? = nil, raw: String? = nil, violations: [Violation] = [],
                location: String? = nil) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.sender = sender
        self.messageId = messageId
        self.action = action
        self.raw = raw
        self.violations = violations
        self.location = location
    }

    /// `location: error: [kind] message`, then one indented line per violation and the raw frame.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): [\(kind.rawValue)] \(message)"
        for violation in violations { text += "\n    \(violation)" }
        if let raw { text += "\n    frame: \(raw.count > 300 ? String(raw.prefix(300)) + "…" : raw)" }
        return text
    }
}
