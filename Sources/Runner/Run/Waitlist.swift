import Locking

/// Tasks parked until their owner's state changes: an actor parks a caller with ``park(until:onWake:isolation:)``
/// while a condition on its state does not hold yet, and calls ``wakeAll()`` whenever that state grows. A parked task
/// also wakes when it is cancelled, so no waiter outlives its task.
///
/// The condition is only ever evaluated on the owner's isolation. A wake-up between that check and the parking is not
/// missed: every ``wakeAll()`` starts a new generation, and a task parking for a generation that has passed resumes at
/// once and checks again.
final class Waitlist: Sendable {
    private struct Parked {
        var continuations: [Int: (continuation: CheckedContinuation<Bool, Never>, onWake: (@Sendable () -> Void)?)] = [:]
        var nextId = 0
        var generation: UInt64 = 0
    }

    private let parked = Locked(Parked())

    /// Suspends until `isSatisfied` holds after a ``wakeAll()``, or the task is cancelled; returns at once if it
    /// holds already. Call it from the actor whose state `isSatisfied` reads, the actor that calls ``wakeAll()``.
    ///
    /// `onWake` runs inside ``wakeAll()`` for this task, before it resumes: it hands the task something at the moment
    /// of the wake (a hold on run time). Returns how many times it ran.
    @discardableResult
    func park(until isSatisfied: () -> Bool, onWake: (@Sendable () -> Void)? = nil,
              isolation: isolated (any Actor)? = #isolation) async -> Int {
        var wakes = 0
        while !isSatisfied() && !Task.isCancelled {
            // Read on the owner's isolation right after the check: no wakeAll() can come in between.
            let generation = parked.withLock { $0.generation }
            if await parkOnce(in: generation, onWake: onWake) { wakes += 1 }
        }
        return wakes
    }

    /// Resumes every parked task; each checks its condition again.
    func wakeAll() {
        let woken = parked.withLock { state in
            state.generation &+= 1
            defer { state.continuations = [:] }
            return Array(state.continuations.values)
        }
        for waiter in woken {
            waiter.onWake?()
            waiter.continuation.resume(returning: true)
        }
    }

    /// Parks until the next ``wakeAll()`` or cancellation, unless generation `generation` has passed already; returns
    /// whether a ``wakeAll()`` resumed it.
    private func parkOnce(in generation: UInt64, onWake: (@Sendable () -> Void)?) async -> Bool {
        let id = parked.withLock { state in
            defer { state.nextId += 1 }
            return state.nextId
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let parkedNow = parked.withLock { state in
                    // Checked under the lock: the cancellation handler below takes it too, so either it sees this
                    // continuation or this sees the cancellation.
                    guard !Task.isCancelled, state.generation == generation else { return false }
                    state.continuations[id] = (continuation, onWake)
                    return true
                }
                if !parkedNow { continuation.resume(returning: false) }
            }
        } onCancel: {
            parked.withLock { $0.continuations.removeValue(forKey: id) }?.continuation.resume(returning: false)
        }
    }
}
