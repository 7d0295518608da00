import OCPP
import WebSocket

/// What to tell the user when a station runs into one of the run's limits: which one, and how to raise it.
enum LimitAdvice {
    /// The limit a refused handshake ran into, if any.
    static func limit(reachedBy rejection: HandshakeRejection) -> RunLimits.Name? {
        if rejection.stage == .timeout { return .handshakeTime }
        return rejection.status == 431 ? .headerSize : nil
    }

    /// The limit a closed connection ran into, if any (1009: message size; 1008 for unanswered CALLs).
    static func limit(reachedBy closure: TransportClosure) -> RunLimits.Name? {
        if closure.code == 1009 { return .messageSize }
        return closure.code == 1008 && closure.reason.contains("CALLs unanswered") ? .pendingCalls : nil
    }

    /// `text` with the advice for `limit` appended.
    static func advise(_ text: String, _ limit: RunLimits.Name?) -> String {
        guard let limit else { return text }
        return text + " — a limit of the run (\(limit.meaning)); if the station needs more, raise it with --limit \(limit.rawValue)=…"
    }
}
