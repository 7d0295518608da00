/// A point in a run's time: how much run time had passed since the run's clock started.
///
/// Deadlines of steps and timers are run instants, so that they mean the same under every ``RunClock``: real time,
/// real time scaled by `--time-scale`, or a ``VirtualClock`` that jumps from deadline to deadline.
public struct RunInstant: Comparable, Hashable, Sendable {
    /// Run time since the clock started.
    public var sinceStart: Duration

    /// The instant `sinceStart` of run time after the clock started.
    public init(sinceStart: Duration) {
        self.sinceStart = sinceStart
    }

    public static func < (lhs: RunInstant, rhs: RunInstant) -> Bool {
        lhs.sinceStart < rhs.sinceStart
    }

    /// The longest step from one instant to a later one (about a thousand years): a peer may ask for any interval
    /// (`"interval": 9223372036854775807`), and a sum beyond 2⁶³ seconds could not be taken apart into seconds.
    public static let longestStep: Duration = .seconds(31_536_000_000)

    /// The instant `duration` of run time later (at most ``longestStep``).
    public static func + (instant: RunInstant, duration: Duration) -> RunInstant {
        RunInstant(sinceStart: instant.sinceStart + min(duration, longestStep))
    }

    /// The run time from `earlier` to `later` (negative when `later` is earlier).
    public static func - (later: RunInstant, earlier: RunInstant) -> Duration {
        later.sinceStart - earlier.sinceStart
    }
}
