import Foundation
import Locking

/// Run time that passes only while nothing is left to do: discrete-event time for a run against the built-in emulator
/// (`chargecheck run --time-scale max`).
///
/// Sleepers wait for run instants. When every task of the run waits (no ``holdTime()`` outstanding, no frame on its
/// way, no sleeper registered or woken for a short quiet period of real time), run time jumps to the earliest
/// deadline and the sleepers due then wake. A five-minute hold with a heartbeat a minute takes six jumps, however
/// busy the machine: nothing is late because run time waits for the slowest part instead of running away from it.
///
/// Holds (``holdTime()``) say "something is under way": the runner holds time while a scenario computes and hands
/// it over while a step waits; an ``OCPPSession`` holds it for each frame from sending until the receiving session
/// has handled it, and for each incoming CALL until it is answered (or the layer above says it answers later); the
/// emulator holds it while it connects, while it sends what it queued and through a close it makes; a session that
/// asks for it (``SessionConfiguration/holdsTimeWhenClosed``) holds it from handling a close until the layer above has
/// acted on it. Every wake-up hands the woken task a hold
/// taken at that very moment (``sleepThenHold(until:)``, a mailbox event, a CALL's outcome), so there is no gap
/// between "woken" and "running" in which time could jump. The quiet period only covers what holds cannot see.
/// A hold that shows no activity for ``staleHoldLimit`` (a frame the peer never read because the connection went)
/// is given up, so a lost release costs that much real time, never a hang.
public final class VirtualClock: RunClock {
    /// Run time does not follow real time at all.
    public var scale: Double { .infinity }

    /// The real-time sleep of one round of watching; each round also yields to the task pool a few times, so tasks
    /// that were just woken get to run first. Run time jumps after ``quietRounds`` rounds without activity, each
    /// counted as long as rounds really take at the moment (longer on a busy machine).
    public let quietPeriod: Duration
    /// How long (real time) holds may show no activity before the clock treats them as lost.
    public let staleHoldLimit: Duration
    private let origin: Date
    private let state = Locked(State())

    private struct Sleeper {
        let deadline: RunInstant
        /// Whether the wake-up takes a hold for the sleeper (``sleepThenHold(until:)``).
        let holdsOnWake: Bool
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var elapsed: Duration = .zero
        var sleepers: [Int: Sleeper] = [:]
        var nextSleeper = 0
        var holds = 0
        /// Changes whenever anything happens (a sleeper comes or goes, a hold is taken or released).
        var activity: UInt64 = 0
        var isDriving = false
        var jumps = 0
    }

    /// Times yielded to other tasks before each jump.
    static let yieldRounds = 8
    /// Rounds of sleeping and yielding (as long as they really take on this machine now) that must pass without
    /// activity before run time jumps.
    static let quietRounds = 3

    /// A clock at run time zero, showing `origin` as the current date.
    public init(origin: Date = Date(), quietPeriod: Duration = .milliseconds(1), staleHoldLimit: Duration = .seconds(1)) {
        self.origin = origin
        self.quietPeriod = quietPeriod
        self.staleHoldLimit = staleHoldLimit
    }

    public var current: RunInstant {
        RunInstant(sinceStart: state.withLock { $0.elapsed })
    }

    public var now: Date {
        let (seconds, attoseconds) = current.sinceStart.components
        return origin.addingTimeInterval(Double(seconds) + Double(attoseconds) * 1e-18)
    }

    /// How many times run time has jumped so far.
    public var jumps: Int { state.withLock { $0.jumps } }

    /// Holds taken and not yet released.
    public var outstandingHolds: Int { state.withLock { $0.holds } }

    /// Limits on real time stay as they are: a virtual run takes less real time than run time.
    public func realDuration(of duration: Duration) -> Duration { duration }

    /// Real time is no run time at all.
    public func runDuration(ofReal duration: Duration) -> Duration { .zero }

    public func holdTime() {
        state.withLock {
            $0.holds += 1
            $0.activity &+= 1
        }
    }

    public func releaseTime() {
        state.withLock {
            $0.holds = max($0.holds - 1, 0)
            $0.activity &+= 1
        }
    }

    public func sleep(until deadline: RunInstant) async throws {
        try await sleep(until: deadline, holdsOnWake: false)
    }

    public func sleepThenHold(until deadline: RunInstant) async throws {
        try await sleep(until: deadline, holdsOnWake: true)
    }

    private func sleep(until deadline: RunInstant, holdsOnWake: Bool) async throws {
        let id = state.withLock {
            $0.nextSleeper += 1
            return $0.nextSleeper
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (outcome, startsDriver): (Result<Void, CancellationError>?, Bool) = state.withLock { state in
                    if Task.isCancelled { return (.failure(CancellationError()), false) }
                    if deadline.sinceStart <= state.elapsed {
                        if holdsOnWake { state.holds += 1 }
                        return (.success(()), false)
                    }
                    state.sleepers[id] = Sleeper(deadline: deadline, holdsOnWake: holdsOnWake, continuation: continuation)
                    state.activity &+= 1
                    let starts = !state.isDriving
                    state.isDriving = true
                    return (nil, starts)
                }
                if let outcome { continuation.resume(with: outcome) }
                if startsDriver { Task.detached { await self.drive() } }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                state.activity &+= 1
                return state.sleepers.removeValue(forKey: id)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Makes run time jump from deadline to deadline while there are sleepers; ends when there are none.
    private func drive() async {
        var seen: UInt64?
        var quietSince = ContinuousClock.now
        // How long one round of sleeping and yielding really takes: on a busy machine woken tasks wait that long for
        // a thread too, so quiet must last a few such rounds before it means that every task waits.
        var roundTime = quietPeriod
        while true {
            let roundStart = ContinuousClock.now
            try? await Task.sleep(for: quietPeriod)
            for _ in 0..<Self.yieldRounds { await Task.yield() }
            let realNow = ContinuousClock.now
            roundTime = max(realNow - roundStart, roundTime - roundTime / 8)
            let requiredQuiet = roundTime * Self.quietRounds
            let step: DriveStep = state.withLock { state in
                guard !state.sleepers.isEmpty else {
                    state.isDriving = false
                    return .stop
                }
                guard state.activity == seen else {
                    seen = state.activity
                    quietSince = realNow
                    return .wait
                }
                guard realNow - quietSince >= requiredQuiet else { return .wait }
                guard state.holds == 0 || realNow - quietSince >= staleHoldLimit else { return .wait }
                state.holds = 0
                let next = state.sleepers.values.map(\.deadline.sinceStart).min() ?? state.elapsed
                state.elapsed = max(state.elapsed, next)
                let due = state.sleepers.filter { $0.value.deadline.sinceStart <= state.elapsed }
                for id in due.keys { state.sleepers[id] = nil }
                state.holds += due.values.count { $0.holdsOnWake }
                state.activity &+= 1
                state.jumps += 1
                return .wake(due.values.map(\.continuation))
            }
            switch step {
            case .stop: return
            case .wait: continue
            case .wake(let continuations): for continuation in continuations { continuation.resume() }
            }
        }
    }

    private enum DriveStep {
        case stop, wait, wake([CheckedContinuation<Void, any Error>])
    }
}
