import Foundation

/// The time of a run, as stations and scenarios see it.
///
/// A run against the emulator may go faster than real time (`chargecheck run --time-scale 60` makes a minute of
/// scenario and emulator time pass in a second of real time, `--time-scale max` lets it jump from deadline to
/// deadline); a run against a live station always runs at scale 1. Every duration a scenario or the emulator waits
/// for goes through the run's clock, so both sides agree.
public protocol RunClock: Sendable {
    /// How many seconds of run time pass in one second of real time (`infinity` for a ``VirtualClock``).
    var scale: Double { get }
    /// The current wall-clock time as the run sees it (what timestamps in OCPP messages carry).
    var now: Date { get }
    /// The run time passed since the clock started.
    var current: RunInstant { get }
    /// Suspends the current task until run time reaches `deadline`; throws `CancellationError` when cancelled.
    func sleep(until deadline: RunInstant) async throws
    /// Like ``sleep(until:)``, but returns holding run time (see ``holdTime()``), taken at the very moment of the
    /// wake-up, so that a ``VirtualClock`` cannot jump on before the woken task has done what it woke for. The caller
    /// releases it when done. A cancelled sleep throws and holds nothing.
    func sleepThenHold(until deadline: RunInstant) async throws
    /// The real time that `duration` of run time takes; for a real-time limit on something (a socket timeout, a
    /// countdown shown to a person) rather than a wait.
    func realDuration(of duration: Duration) -> Duration
    /// The run time that `duration` of real time amounts to (none for a virtual clock).
    func runDuration(ofReal duration: Duration) -> Duration
    /// Work is under way that run time must not pass by (a frame on its way, a connection being opened, a scenario
    /// step computing): a ``VirtualClock`` does not advance until every hold is released. Other clocks ignore it.
    func holdTime()
    /// Releases one ``holdTime()``.
    func releaseTime()
}

extension RunClock {
    /// Suspends the current task for `duration` of run time; throws `CancellationError` when cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: current + duration)
    }

    public func realDuration(of duration: Duration) -> Duration {
        scale == 1 ? duration : duration / scale
    }

    public func runDuration(ofReal duration: Duration) -> Duration {
        scale == 1 ? duration : duration * scale
    }

    /// Sleeps `duration` of run time, then holds run time (see ``sleepThenHold(until:)``).
    public func sleepThenHold(for duration: Duration) async throws {
        try await sleepThenHold(until: current + duration)
    }

    public func sleepThenHold(until deadline: RunInstant) async throws {
        try await sleep(until: deadline)
        holdTime()
    }

    public func holdTime() {}

    public func releaseTime() {}

    /// Whether run time is simulated rather than measured (no real time passes between deadlines).
    public var isVirtual: Bool { !scale.isFinite }

    /// Runs `body` while the clock must not advance (see ``holdTime()``).
    public func holdingTime<T>(_ body: () async throws -> T) async rethrows -> T {
        holdTime()
        defer { releaseTime() }
        return try await body()
    }

}

/// Real time, optionally scaled by a constant factor from the moment the clock was made.
public struct ScaledClock: RunClock {
    public let scale: Double
    private let origin: Date
    private let start: ContinuousClock.Instant

    /// A clock whose run time passes `scale` times faster than real time, starting at `origin`.
    public init(scale: Double = 1, origin: Date = Date()) {
        self.scale = scale > 0 && scale.isFinite ? scale : 1
        self.origin = origin
        self.start = .now
    }

    public var now: Date {
        origin.addingTimeInterval(Self.seconds(current.sinceStart))
    }

    public var current: RunInstant {
        RunInstant(sinceStart: runDuration(ofReal: ContinuousClock.now - start))
    }

    /// The longest real time one sleep lasts (about a century). A peer may ask for any interval (a BootNotification
    /// answer with `"interval": 9223372036854775807`); the runtime traps on a deadline it cannot represent.
    static let longestSleepSeconds = 3_153_600_000.0

    /// Sleeps until `deadline`, in real time at most ``longestSleepSeconds`` from now (in Double arithmetic, so
    /// neither a huge duration nor a tiny scale can overflow).
    public func sleep(until deadline: RunInstant) async throws {
        let real = Self.seconds(deadline - current) / scale
        guard real > 0 else { return try Task.checkCancellation() }
        try await Task.sleep(for: .seconds(real < Self.longestSleepSeconds ? real : Self.longestSleepSeconds))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
