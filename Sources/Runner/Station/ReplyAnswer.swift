import OCPP
import Scenario

/// A central-system answer to a station CALL, computed from a `reply:` (or a default) and ready to send.
enum ReplyAnswer: Sendable, Hashable {
    /// A CALLRESULT.
    case result(JSONValue)
    /// A CALLERROR.
    case error(code: OCPPErrorCode, description: String, details: JSONValue)
    /// No answer at all (a central system that ignores the CALL, on purpose).
    case none
    /// This exact text instead of a frame (a malformed answer, on purpose).
    case raw(String)

    /// Evaluates `reply` for `call`: its templates see `payload` (the request).
    static func make(_ reply: Reply, for call: IncomingCall, in environment: Environment) throws(EvaluationError) -> ReplyAnswer {
        let scope = environment.adding(["payload": call.payload])
        switch reply.kind {
        case .result(let template):
            return .result(try template.evaluate(in: scope))
        case .error(let code, let description, let details):
            return .error(code: OCPPErrorCode.parse(code).code, description: try description.render(in: scope),
                          details: try details.evaluate(in: scope))
        case .none:
            return .none
        case .raw(let text):
            return .raw(try text.render(in: scope))
        }
    }

    /// The CALLRESULT payload, when this is one.
    var resultPayload: JSONValue? {
        if case .result(let payload) = self { return payload }
        return nil
    }

    /// In words, for step summaries.
    var summary: String {
        switch self {
        case .result(let payload): "answered \(payload.jsonText.count > 80 ? String(payload.jsonText.prefix(77)) + "…" : payload.jsonText)"
        case .error(let code, let description, _): "answered CALLERROR \(code.wireName)\(description.isEmpty ? "" : " (\(description))")"
        case .none: "left unanswered on purpose"
        case .raw(let text): "answered with the raw text \(text.prefix(60))"
        }
    }
}
