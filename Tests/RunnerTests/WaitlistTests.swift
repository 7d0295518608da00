@testable import Runner
import Testing

/// The waitlist behind ``ArrivalQueue`` and ``StationChannel``: parked tasks wake when the state they wait for
/// arrives, and when they are cancelled.
@Suite("Waitlist")
struct WaitlistTests {
    /// A counter owned by an actor, the way the runner's queues use a waitlist.
    actor Counter {
        private(set) var count = 0
        private let waitlist = Waitlist()

        func increment() {
            count += 1
            waitlist.wakeAll()
        }

        func waitUntil(atLeast target: Int) async {
            await waitlist.park { count >= target }
        }
    }

    @Test("a parked task wakes when the count reaches its target, not before")
    func wakesOnTarget() async throws {
        let counter = Counter()
        let waiter = Task { await counter.waitUntil(atLeast: 3) }
        await counter.increment()
        await counter.increment()
        await counter.increment()
        try await within(30, "the waiter to see three") { await waiter.value }
        #expect(await counter.count == 3)
    }

    @Test("a satisfied condition returns at once")
    func satisfiedReturns() async throws {
        let counter = Counter()
        await counter.increment()
        try await within(30, "an immediate return") { await counter.waitUntil(atLeast: 1) }
        #expect(await counter.count == 1)
    }

    @Test("cancelling a parked task wakes it", arguments: [1, 20])
    func cancellationWakes(waiters: Int) async throws {
        let counter = Counter()
        let tasks = (0..<waiters).map { _ in Task { await counter.waitUntil(atLeast: 1) } }
        for task in tasks { task.cancel() }
        for task in tasks { try await within(30, "a cancelled waiter") { await task.value } }
        #expect(await counter.count == 0)
    }
}
