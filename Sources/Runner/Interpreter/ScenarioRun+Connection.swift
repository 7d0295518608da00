import Foundation
import OCPP
import Scenario

extension ScenarioRun {
    /// `wait`: let run time pass; the station's CALLs are answered meanwhile.
    func runWait(_ duration: Duration) async -> StepReport {
        let deadline = min(context.deadline(after: duration), scenarioDeadline)
        let clock = context.clock
        clock.releaseTime()
        do {
            try await clock.sleepThenHold(until: deadline)
        } catch {
            clock.holdTime()
            return .interrupted
        }
        return .passed("waited \(DurationText.format(duration))")
    }

    /// Run time added to every heartbeat deadline of a time-scaled run: half a second of real time, for the
    /// machine's scheduling (a scaled tolerance can shrink below what a busy machine keeps). None for a virtual
    /// clock, whose run time waits for the machine.
    static func scheduleSlack(_ clock: any RunClock) -> Duration {
        clock.scale > 1 ? clock.runDuration(ofReal: .milliseconds(500)) : .zero
    }

    /// The lateness `hold` allows a heartbeat when the step names none: a tenth of the interval, at least 5 s.
    static func defaultTolerance(for interval: Duration) -> Duration {
        max(interval / 10, .seconds(5))
    }

    /// `hold`: the connection stays up for the duration, and heartbeats come on the agreed interval (± tolerance);
    /// the heartbeats are taken by this step. An interval agreed while the hold runs (a BootNotification answered
    /// after the hold began) counts from the moment it was agreed.
    func runHold(_ hold: Hold, begin: Int) async -> StepReport {
        let channel = context.channel
        guard let connection = await channel.currentConnectionId else {
            return .failed(StepFailure(message: "the station is not connected at the start of the hold"))
        }
        var interval = hold.heartbeatInterval
        let end = min(context.deadline(after: hold.duration), scenarioDeadline)
        var lastBeat = context.clock.current
        var heartbeats = 0
        var messageIds: [String] = []
        var position = begin
        let isHeartbeat: @Sendable (CallEntry) -> Bool = { $0.action == "Heartbeat" && $0.connectionId == connection }
        while true {
            if hold.heartbeatInterval == nil, let agreed = await channel.agreedHeartbeatInterval, agreed != interval {
                lastBeat = max(lastBeat, context.clock.current)
                interval = agreed
            }
            let tolerance = interval.map { hold.tolerance ?? Self.defaultTolerance(for: $0) }
            let seen = await channel.mark
            for (index, event) in await channel.events(from: position) {
                position = index + 1
                if case .disconnected(let id, let description) = event, id == connection {
                    return .failed(StepFailure(message: "the connection closed during the hold (after \(heartbeats) heartbeats): \(description)"),
                                   messageIds: messageIds)
                }
                if let entry = event.call, isHeartbeat(entry) {
                    _ = await channel.take(from: index) { $0.call.id == entry.call.id }
                    heartbeats += 1
                    messageIds.append(entry.call.id)
                    lastBeat = context.clock.current
                }
            }
            var wake = end
            if let interval, let tolerance {
                let due = lastBeat + (interval + tolerance + Self.scheduleSlack(context.clock))
                if context.clock.current >= due && due < end {
                    return .failed(StepFailure(
                        message: "no Heartbeat for longer than the interval \(DurationText.format(interval)) + tolerance \(DurationText.format(tolerance)) (\(heartbeats) came before)",
                        expected: "a Heartbeat every \(DurationText.format(interval))", received: "nothing"), messageIds: messageIds)
                }
                wake = min(end, due)
            }
            if context.clock.current >= end { break }
            if case .cancelled = await awaitEvent(after: seen, until: wake) { return .interrupted }
        }
        let intervalText = interval.map { "heartbeat interval \(DurationText.format($0))" } ?? "no heartbeat interval known"
        return .passed("connection up for \(DurationText.format(hold.duration)), \(heartbeats) heartbeats (\(intervalText))",
                       messageIds: messageIds)
    }

    /// `expect-disconnect`: the station closes the connection (since the previous step began) within the bound.
    func runExpectDisconnect(within: Duration, window: Int) async -> StepReport {
        await awaitConnectionEvent(within: within, window: window, what: "close the connection") { _, event in
            guard case .disconnected(let id, let description) = event else { return nil }
            lastDisconnection = (window, id)
            return "the station closed the connection: \(description)"
        }
    }

    /// `expect-reconnect`: the station connects again (since the previous step began) within the bound; later steps
    /// talk to it on the new connection.
    func runExpectReconnect(within: Duration, window: Int) async -> StepReport {
        let start = lastDisconnection.map { min($0.searchStart, window) } ?? window
        let closed = lastDisconnection?.connectionId
        return await awaitConnectionEvent(within: within, window: start, what: "connect again") { _, event in
            guard case .connected(let record) = event, record.connectionId != closed else { return nil }
            return "the station connected again (\(record.security), \(record.peer))"
        }
    }

    func awaitConnectionEvent(within: Duration, window: Int, what: String,
                              _ describe: (Int, StationEvent) -> String?) async -> StepReport {
        let channel = context.channel
        let deadline = stepDeadline(within)
        var position = window
        while true {
            let seen = await channel.mark
            for (index, event) in await channel.events(from: position) {
                position = index + 1
                if let summary = describe(index, event) { return .passed(summary) }
            }
            switch await awaitEvent(after: seen, until: deadline) {
            case .event: continue
            case .cancelled: return .interrupted
            case .deadline:
                return .failed(StepFailure(message: "the station did not \(what) \(boundText(within, deadline: deadline))",
                                           expected: "the station to \(what)", received: "nothing"))
            }
        }
    }

    /// `expect-none`: no CALL of the action (matching `match:`), or none at all, for the duration from this step on.
    func runExpectNone(_ none: ExpectNone, begin: Int) async -> StepReport {
        let channel = context.channel
        let environment = self.environment
        let forbidden: @Sendable (CallEntry) -> Bool = { entry in
            (none.action.map { $0 == entry.action } ?? true) && (none.match?.matches(entry.payload, in: environment) ?? true)
        }
        let end = min(context.deadline(after: none.duration), scenarioDeadline)
        let what = none.action ?? "CALL"
        while true {
            let seen = await channel.mark
            let offending = await channel.events(from: begin).compactMap { $0.1.call }.first(where: forbidden)
            if let offending {
                return .failed(StepFailure(message: "the station sent \(offending.action) although no \(what) may come for \(DurationText.format(none.duration))",
                                           expected: "no \(what)", received: offending.payload.jsonText),
                               messageIds: [offending.call.id])
            }
            switch await awaitEvent(after: seen, until: end) {
            case .event: continue
            case .cancelled: return .interrupted
            case .deadline: return .passed("no \(what) for \(DurationText.format(none.duration))")
            }
        }
    }
}
