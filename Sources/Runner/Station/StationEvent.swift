import Foundation
import OCPP

/// What happened on a station's connections, in order: the mailbox's log. Steps refer to positions in it.
enum StationEvent: Sendable {
    /// The station sent a CALL.
    case call(CallEntry)
    /// The station connected (again).
    case connected(ConnectionRecord)
    /// A connection closed; `description` says how.
    case disconnected(connectionId: String, description: String)

    var call: CallEntry? {
        if case .call(let entry) = self { return entry }
        return nil
    }
}

/// A station CALL in the mailbox: whether a step consumed it and how it was answered.
struct CallEntry: Sendable {
    let call: IncomingCall
    let connectionId: String
    let received: Date
    /// A step took it (an `expect`, a `hold` counting heartbeats).
    var consumed = false
    /// How it was answered so far.
    var answer: CallAnswerState = .held

    var action: String { call.action }
    var payload: JSONValue { call.payload }
}

/// Whether and how the central system answered a station CALL.
enum CallAnswerState: Sendable, Hashable {
    /// Kept unanswered for a pending or upcoming `expect` whose `reply` should answer it.
    case held
    /// Answered (or deliberately left unanswered, or answered late); `by` is `step`, `replies` or `default`;
    /// `payload` is the CALLRESULT payload, when one was sent.
    case answered(by: String, payload: JSONValue?)
    /// The answer could not be sent or computed.
    case failed(String)

    var isHeld: Bool { self == .held }

    var replyPayload: JSONValue? {
        if case .answered(_, let payload) = self { return payload }
        return nil
    }

    var description: String {
        switch self {
        case .held: "not answered (the run ended first)"
        case .answered(let by, _): by
        case .failed(let reason): "failed: \(reason)"
        }
    }
}
