import Locking

/// A value set once and awaited by any number of tasks.
final class OneShot<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var waiters: [CheckedContinuation<Value, Never>] = []
    }

    private let state = Locked(State())

    /// Sets the value (the first call wins) and wakes every waiter.
    func complete(_ value: Value) {
        let waiters = state.withLock { state -> [CheckedContinuation<Value, Never>] in
            guard state.value == nil else { return [] }
            state.value = value
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    /// The value once set; nil until then.
    var current: Value? { state.withLock { $0.value } }

    /// The value, waiting until it is set.
    var value: Value {
        get async {
            let woken = await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Value? in
                    if let value = state.value { return value }
                    state.waiters.append(continuation)
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
            // Taking the lock once more, after `complete` released it, shows ThreadSanitizer that everything the
            // completing thread did before comes before what this task does next (docs/sanitizers.md, "Continuations").
            return state.withLock { $0.value } ?? woken
        }
    }
}
