import Foundation

/// One line of a message trace: a frame in or out (or a connection event), with the evidence to judge it later.
/// The JSON-lines format is documented in `docs/trace-format.md`.
public struct TraceRecord: Sendable, Hashable {
    /// What the line records.
    public enum Kind: String, Sendable, Hashable {
        case call = "CALL"
        case callResult = "CALLRESULT"
        case callError = "CALLERROR"
        /// A text message that is not a valid OCPP-J frame.
        case malformed = "MALFORMED"
        /// A binary message (its bytes are in `raw` as base64).
        case binary = "BINARY"
        /// The connection opened.
        case opened = "OPEN"
        /// The connection closed; `note` says how.
        case closed = "CLOSE"
    }

    /// Whether the frame came in or went out, seen from the recording side.
    public enum Direction: String, Sendable, Hashable {
        case incoming = "in"
        case outgoing = "out"
    }

    /// The trace format version written in every line.
    public static let formatVersion = 1

    /// Position in the recorder (1-based, assigned when recorded).
    public var sequence: Int
    /// Monotonic clock reading in nanoseconds (CLOCK_MONOTONIC; only differences are meaningful).
    public var monotonicNanoseconds: UInt64
    /// Wall-clock time.
    public var time: Date
    /// The connection the frame travelled on.
    public var connectionId: String
    /// The station's identity (the charge point id from the URL).
    public var stationIdentity: String
    /// In or out, seen from the recorder's side.
    public var direction: Direction
    /// The side that sent the frame.
    public var sender: OCPPRole
    /// What the line records.
    public var kind: Kind
    /// The message id, when there is one.
    public var messageId: String?
    /// The action: of the CALL, or of the CALL a response answers.
    public var action: String?
    /// The CALL or CALLRESULT payload, the CALLERROR details; `nil` for other kinds.
    public var payload: JSONValue?
    /// The CALLERROR code as received.
    public var errorCode: String?
    /// The frame text exactly as on the wire (base64 for a binary message; empty for connection events).
    public var raw: String
    /// Why a frame is malformed, or how a connection closed.
    public var note: String?

    /// A record stamped now (the recorder assigns the sequence number).
    public init(sequence: Int = 0, monotonicNanoseconds: UInt64 = TraceRecord.monotonicNow(), time: Date = Date(),
                connectionId: String, stationIdentity: String, direction: Direction, sender: OCPPRole, kind: Kind,
                messageId: String? = nil, action: String? = nil, payload: JSONValue? = nil, errorCode: String? = nil,
                raw: String, note: String? = nil) {
        self.sequence = sequence
        self.monotonicNanoseconds = monotonicNanoseconds
        self.time = time
        self.connectionId = connectionId
        self.stationIdentity = stationIdentity
        self.direction = direction
        self.sender = sender
        self.kind = kind
        self.messageId = messageId
        self.action = action
        self.payload = payload
        self.errorCode = errorCode
        self.raw = raw
        self.note = note
    }

    /// The monotonic clock now, in nanoseconds.
    public static func monotonicNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// The record as one JSON object (the trace line without its newline).
    public var jsonValue: JSONValue {
        var object: JSONObject = [
            "v": .integer(Self.formatVersion),
            "seq": .integer(sequence),
            "mono": .integer(Int(clamping: monotonicNanoseconds)),
            "time": .string(RFC3339.string(from: time)),
            "conn": .string(connectionId),
            "station": .string(stationIdentity),
            "dir": .string(direction.rawValue),
            "from": .string(sender.rawValue),
            "type": .string(kind.rawValue),
        ]
        if let messageId { object["id"] = .string(messageId) }
        if let action { object["action"] = .string(action) }
        if let payload { object["payload"] = payload }
        if let errorCode { object["errorCode"] = .string(errorCode) }
        object["raw"] = .string(raw)
        if let note { object["note"] = .string(note) }
        return .object(object)
    }

    /// The JSON line (without the newline).
    public var jsonLine: String { jsonValue.jsonText }
}
