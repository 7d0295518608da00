import Glibc

/// A value that only one thread at a time reads or changes, through ``withLock(_:)``.
///
/// The project's lock in place of the standard `Mutex` (module Synchronization), whose lock and unlock run in the
/// uninstrumented `libswiftSynchronization` on Linux, so that ThreadSanitizer sees no order between two `withLock`
/// closures on different threads and reports their accesses as races (`scripts/sanitize/mutex-false-positive.swift`).
/// This one locks a `pthread_mutex_t`, whose calls ThreadSanitizer intercepts: the happens-before edge a lock
/// gives is visible to it, both for the guarded value and for whatever the lock hands from one thread to another.
///
/// The mutex lives at a fixed address allocated once (a `pthread_mutex_t` must not move), hence a class.
/// Not reentrant: calling `withLock` on the same lock from inside its closure deadlocks.
public final class Locked<Value> {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value

    /// A lock guarding `value`.
    public init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held, giving it the value to read or change, and returns what `body` returns.
    /// Keep `body` short: it blocks every other thread waiting for this lock.
    @inlinable
    public func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result)
        throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

// Thread-safety: `value` is read and written only inside `withLock`, with `mutex` held.
extension Locked: @unchecked Sendable where Value: Sendable {}
