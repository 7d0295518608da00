import Foundation

/// The station CALLs no step took that the mailbox forgot while a scenario ran (see
/// ``StationChannel/forget(before:)``), kept for the scenario's result: the first ``listedLimit`` with their payloads,
/// the rest only counted, so that a station sending for days cannot grow memory through them.
struct ForgottenCalls {
    /// How many unconsumed CALLs a scenario's result lists; the rest are counted (also for those still in the mailbox).
    /// Twenty show what the station sent unasked; each listed CALL keeps its decoded payload (a MeterValues one takes
    /// about a kilobyte), and a thousand stations each listing a hundred took 100 MB in the soak.
    static let listedLimit = 20

    /// The listed CALLs (without their trace sequence, which the scenario looks up once at its end).
    private(set) var listed: [ReceivedCall] = []
    /// How many more were forgotten.
    private(set) var unlisted = 0
    /// CALLs before this position belong to no scenario being collected.
    private var floor = 0

    /// Starts collecting for a scenario whose events begin at `position`.
    mutating func reset(from position: Int) {
        listed = []
        unlisted = 0
        floor = position
    }

    /// Notes the unconsumed `entry`, which was at `position`.
    mutating func note(_ entry: CallEntry, at position: Int) {
        guard position >= floor else { return }
        guard listed.count < Self.listedLimit else {
            unlisted += 1
            return
        }
        listed.append(ReceivedCall(messageId: entry.call.id, action: entry.action, payload: entry.payload,
                                   received: entry.received, answeredBy: entry.answer.description))
    }
}
