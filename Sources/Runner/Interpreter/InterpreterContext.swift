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
    let recorder: TraceRecorder
    /// `--set` values, applied to the `given` of every scenario and precondition.
    let overrides: [String: JSONValue]
    /// The station profile, as the `profile` variable.
    let profile: StationTestProfile
    /// Whether the station is live (operator prompts) rather than the emulator.
    let live: Bool

    /// How many of the station's last frames a failure shows.
    static let lastFrameCount = 8

    /// The station's last frames, newest last.
    func lastFrames() -> [TraceRecord] {
        let identity = channel.identity
        return Array(recorder.records.filter { $0.stationIdentity == identity }.suffix(Self.lastFrameCount))
    }

    /// The trace sequence numbers of this station's frames with these message ids.
    func traceSequences(messageIds: [String]) -> [Int] {
        guard !messageIds.isEmpty else { return [] }
        let identity = channel.identity
        let wanted = Set(messageIds)
        return recorder.records.filter { $0.stationIdentity == identity && $0.messageId.map(wanted.contains) == true }
            .map(\.sequence)
    }

    /// The real instant `duration` of run time from now.
    func deadline(after duration: Duration) -> ContinuousClock.Instant {
        .now + clock.realDuration(of: duration)
    }
}
