import Locking

/// A CALL the peer sent us, with its check and the means to answer it exactly once.
public struct IncomingCall: Sendable {
    /// The message id.
    public let id: String
    /// The action.
    public let action: String
    /// The payload.
    public let payload: JSONValue
    /// The payload's check against the action's request definition.
    public let validation: ValidationReport
    /// The frame exactly as received.
    public let raw: String
    let responder: CallResponder

    /// Answers with a CALLRESULT. Returns the check of our own payload against the response definition
    /// (so a scenario's reply that breaks the schema can be reported); throws if already answered or disconnected.
    @discardableResult
    public func respond(_ payload: JSONValue) async throws(SessionError) -> ValidationReport {
        try await responder.respond(.callResult(id: id, payload: payload), action: action)
    }

    /// Answers with a CALLERROR.
    public func respondError(_ code: OCPPErrorCode, description: String = "", details: JSONValue = [:]) async throws(SessionError) {
        _ = try await responder.respond(.callError(id: id, code: code, description: description, details: details), action: action)
    }

    /// Whether it has been answered.
    public var isAnswered: Bool { responder.isAnswered }

    /// Lets run time pass while this CALL waits for its answer. A session with a clock holds run time (see
    /// ``RunClock/holdTime()``) from a CALL's arrival until it is answered, so a virtual clock cannot jump past the
    /// answer; whoever answers only later (after a delay of run time, or when a scenario step takes it) says so
    /// here first. Calling it again, or after the answer, does nothing.
    public func releaseTime() {
        responder.releaseTime()
    }
}

/// The one-shot link from an incoming CALL back to its session.
final class CallResponder: Sendable {
    let session: OCPPSession
    /// Set once the answer is sent; the mutex makes "answer exactly once" hold across tasks.
    let answered = Locked(false)
    /// The session's clock while this CALL holds run time (until answered or released); the mutex makes the
    /// release happen once.
    let holdingClock: Locked<(any RunClock)?>

    /// A responder for `session`'s CALL; with `clock`, the CALL holds run time on it until answered or released.
    init(session: OCPPSession, holding clock: (any RunClock)? = nil) {
        self.session = session
        clock?.holdTime()
        holdingClock = Locked(clock)
    }

    var isAnswered: Bool { answered.withLock { $0 } }

    func releaseTime() {
        let clock = holdingClock.withLock { clock in
            defer { clock = nil }
            return clock
        }
        clock?.releaseTime()
    }

    func respond(_ frame: OCPPFrame, action: String) async throws(SessionError) -> ValidationReport {
        let first = answered.withLock { answered in
            defer { answered = true }
            return !answered
        }
        guard first else { throw SessionError.alreadyAnswered(messageId: frame.id, action: action) }
        // The answer's own frame holds run time from here on.
        defer { releaseTime() }
        return try await session.sendResponse(frame, action: action)
    }
}

/// What can go wrong when we answer.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The CALL was answered before.
    case alreadyAnswered(messageId: String, action: String)
    /// The connection is gone.
    case disconnected

    public var description: String {
        switch self {
        case .alreadyAnswered(let id, let action): "the \(action) CALL \"\(id)\" was already answered"
        case .disconnected: "the connection is closed"
        }
    }
}
