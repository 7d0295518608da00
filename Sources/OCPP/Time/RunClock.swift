import Foundation

/// The time of a run, as stations and scenarios see it.
///
/// A run against the emulator may go faster than real time (`chargecheck run --time-scale 60` makes a minute of
/// scenario and emulator time pass in a second of real time); a run against a live station always runs at scale 1.
/// Every duration a scenario or the emulator waits for goes through the run's clock, so both sides agree.
public protocol RunClock: Sendable {
    /// How many seconds of run time pass in one second of real time.
    var scale: Double { get }
    /// The current wall-clock time as the run sees it (what timestamps in OCPP messages carry).
    var now: Date { get }
    /// Suspends the current task for `duration` of run time; throws `CancellationError` when cancelled.
    func sleep(for duration: Duration) async throws
}

extension RunClock {
    /// The real time that `duration` of run time takes.
    public func realDuration(of duration: Duration) -> Duration {
        scale == 1 ? duration : duration / scale
    }

    /// The run time that `duration` of real time amounts to.
    public func runDuration(ofReal duration: Duration) -> Duration {
        scale == 1 ? duration : duration * scale
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
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return origin.addingTimeInterval(seconds * scale)
    }

    /// The longest real time one sleep lasts (about a century). A peer may ask for any interval (a BootNotification
    /// answer with `"interval": 9223372036854775807`); the runtime traps on a deadline it cannot represent.
    static let longestSleepSeconds = 3_153_600_000.0

    /// Sleeps `duration` of run time, in real time at most ``longestSleepSeconds`` (in Double arithmetic, so neither
    /// a huge duration nor a tiny scale can overflow).
    public func sleep(for duration: Duration) async throws {
        let (seconds, attoseconds) = duration.components
        let real = (Double(seconds) + Double(attoseconds) * 1e-18) / scale
        try await Task.sleep(for: .seconds(real < Self.longestSleepSeconds ? real : Self.longestSleepSeconds))
    }
}
