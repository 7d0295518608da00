import Foundation
import OCPP

/// The station CALLs no step took that the mailbox forgot while a scenario ran (see
/// ``StationChannel/forget(before:)``), kept for the scenario's result: the first ``listedLimit`` as their frame text
/// (decoded again when the result is made: a decoded payload takes several times the text's memory), the rest only
/// counted, so that a station sending for days cannot grow memory through them.
struct ForgottenCalls {
    /// How many unconsumed CALLs a scenario's result lists; the rest are counted (also for those still in the mailbox).
    /// Twenty show what the station sent unasked; a decoded MeterValues payload takes about a kilobyte, so a thousand
    /// soak stations listing a hundred each would keep about 100 MB.
    static let listedLimit = 20

    /// A forgotten CALL as kept until the result is made.
    private struct Kept {
        var messageId: String
        var action: String
        var raw: String
        var received: Date
        var answeredBy: String
    }

    private var kept: [Kept] = []
    /// How many more were forgotten.
    private(set) var unlisted = 0
    /// CALLs before this position belong to no scenario being collected.
    private var floor = 0

    /// Starts collecting for a scenario whose events begin at `position`.
    mutating func reset(from position: Int) {
        kept = []
        unlisted = 0
        floor = position
    }

    /// Notes the unconsumed `entry`, which was at `position`.
    mutating func note(_ entry: CallEntry, at position: Int) {
        guard position >= floor else { return }
        guard kept.count < Self.listedLimit else {
            unlisted += 1
            return
        }
        kept.append(Kept(messageId: entry.call.id, action: entry.action, raw: entry.call.raw, received: entry.received,
                         answeredBy: entry.answer.description))
    }

    /// The listed CALLs, their payloads decoded from the frames (without their trace sequence, which the scenario
    /// looks up once at its end).
    var listed: [ReceivedCall] {
        kept.map { call in
            var payload = JSONValue.null
            if case .call(_, _, let decoded)? = try? OCPPFrame.parse(call.raw).frame { payload = decoded }
            return ReceivedCall(messageId: call.messageId, action: call.action, payload: payload, received: call.received,
                                answeredBy: call.answeredBy)
        }
    }
}
