import Foundation
import OCPP
import Scenario

/// What every scenario of one station runs with.
struct InterpreterContext: Sendable {
    let channel: StationChannel
    let clock: any RunClock
    let validator: PayloadValidator
    let performer: any ActionPerformer
    let observer: any RunObserver
    /// The station profile, as the `profile` variable.
    let profile: StationTestProfile
    /// Whether the station is live (operator prompts) rather than the emulator.
    let live: Bool

    /// How many of the station's last frames a failure shows.
    static let lastFrameCount = 8

    /// The station's own trace (numbered from 1), kept by its sessions.
    var recorder: TraceRecorder { channel.recorder }

    /// The station's last frames, newest last.
    func lastFrames() -> [TraceRecord] {
        Array(recorder.records.suffix(Self.lastFrameCount))
    }

    /// The trace sequence numbers of this station's frames with these message ids.
    func traceSequences(messageIds: [String]) -> [Int] {
        guard !messageIds.isEmpty else { return [] }
        let wanted = Set(messageIds)
        return recorder.records.filter { $0.messageId.map(wanted.contains) == true }.map(\.sequence)
    }

    /// The run instant `duration` of run time from now.
    func deadline(after duration: Duration) -> RunInstant {
        clock.current + duration
    }

    /// The least real time a bound on the station gets in a time-scaled run: a machine busy with other work cannot
    /// schedule more precisely, and a bound is a limit on the station, not a duration to let pass.
    static let scaledBoundFloor: Duration = .seconds(1)

    /// The deadline of a bound on the station (`within:`): `duration` of run time, but in a time-scaled run at
    /// least ``scaledBoundFloor`` of real time (or the bound itself, when shorter). A virtual clock needs no floor:
    /// its run time does not pass while the station is busy.
    func boundDeadline(after duration: Duration) -> RunInstant {
        guard clock.scale > 1 else { return clock.current + duration }
        return clock.current + max(duration, clock.runDuration(ofReal: min(duration, Self.scaledBoundFloor)))
    }
}
