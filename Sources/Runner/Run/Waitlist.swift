import Synchronization

/// Tasks parked until their owner's state changes: an actor parks a caller with ``park(until:isolation:)`` while a
/// condition on its state does not hold yet, and calls ``wakeAll()`` whenever that state grows. A parked task also
/// wakes when it is cancelled, so no waiter outlives its task.
///
/// The condition is checked on the owner's isolation, in the same step that parks the task, so a change made by the
/// owner between the check and the parking cannot be missed.
final class Waitlist: Sendable {
    private struct Parked {
        var continuations: [Int: (continuation: CheckedContinuation<Bool, Never>, onWake: (@Sendable () -> Void)?)] = [:]
        var nextId = 0
    }

    private let parked = Mutex(Parked())

    /// Suspends until `isSatisfied` holds after a ``wakeAll()``, or the task is cancelled; returns at once if it
    /// holds already. Call it from the actor whose state `isSatisfied` reads.
    ///
    /// `onWake` runs inside ``wakeAll()`` for this task, before it resumes: it hands the task something at the moment
    /// of the wake (a hold on run time). Returns how many times it ran.
    @discardableResult
    func park(until isSatisfied: () -> Bool, onWake: (@Sendable () -> Void)? = nil,
              isolation: isolated (any Actor)? = #isolation) async -> Int {
        var wakes = 0
        while !isSatisfied() && !Task.isCancelled {
            if await parkOnce(unless: isSatisfied, onWake: onWake) { wakes += 1 }
        }
        return wakes
    }

    /// Resumes every parked task; each checks its condition again.
    func wakeAll() {
        let woken = parked.withLock { state in
            defer { state.continuations = [:] }
            return Array(state.continuations.values)
        }
        for waiter in woken {
            waiter.onWake?()
            waiter.continuation.resume(returning: true)
        }
    }

    /// Parks until the next ``wakeAll()`` or cancellation, unless `isSatisfied` holds already; returns whether a
    /// ``wakeAll()`` resumed it.
    private func parkOnce(unless isSatisfied: () -> Bool, onWake: (@Sendable () -> Void)?,
                          isolation: isolated (any Actor)? = #isolation) async -> Bool {
        let id = parked.withLock { state in
            defer { state.nextId += 1 }
            return state.nextId
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let parkedNow = !isSatisfied() && parked.withLock { state in
                    // Checked under the lock: the cancellation handler below takes it too, so either it sees this
                    // continuation or this sees the cancellation.
                    guard !Task.isCancelled else { return false }
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
