import Foundation
import Testing
@testable import OCPP

@Suite("The virtual clock")
struct VirtualClockTests {
    /// How long, in real time, a jump of the virtual clock may take before the test fails: far below the run time
    /// jumped (minutes to an hour), far above what it takes (milliseconds). The driver's quiet rounds stretch with the
    /// machine's load; under ThreadSanitizer, beside the whole suite and other sessions' fuzzers, 10 s was not enough.
    static let patience = 60.0

    /// Waits for `body` at most `seconds` of real time; a run that takes longer fails the test.
    func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            let first = try await group.next() ?? nil
            return try #require(first, "the virtual clock did not get there within \(seconds) s of real time")
        }
    }

    @Test("sleepers wake in deadline order, each at exactly its run instant, with no real time to speak of")
    func wakesInOrder() async throws {
        let clock = VirtualClock()
        let woken = try await within(Self.patience) {
            try await withThrowingTaskGroup(of: (Int, RunInstant).self) { group in
                for minutes in [30, 10, 20] {
                    group.addTask {
                        try await clock.sleep(for: .seconds(minutes * 60))
                        return (minutes, clock.current)
                    }
                }
                var order: [(Int, RunInstant)] = []
                for try await wake in group { order.append(wake) }
                return order
            }
        }
        #expect(woken.map(\.0) == [10, 20, 30])
        for (minutes, instant) in woken {
            #expect(instant == RunInstant(sinceStart: .seconds(minutes * 60)))
        }
        #expect(clock.jumps == 3)
    }

    @Test("the date it shows moves with run time from its origin")
    func dateFollowsRunTime() async throws {
        let origin = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = VirtualClock(origin: origin)
        #expect(clock.now == origin)
        try await within(Self.patience) { try await clock.sleep(for: .seconds(3_600)) }
        #expect(clock.now == origin.addingTimeInterval(3_600))
    }

    @Test("time does not pass while a hold is out; it does once the hold is released")
    func holdKeepsTimeStill() async throws {
        let clock = VirtualClock(staleHoldLimit: .seconds(3_600))
        clock.holdTime()
        let (registered, signal) = AsyncStream.makeStream(of: Void.self)
        let sleeper = Task { () throws -> RunInstant in
            signal.yield()
            try await clock.sleep(for: .seconds(90))
            return clock.current
        }
        for await _ in registered { break }
        // However many times the other tasks get to run, the held clock stays at zero.
        for _ in 0..<100 { await Task.yield() }
        #expect(clock.current == RunInstant(sinceStart: .zero))
        #expect(clock.jumps == 0)
        clock.releaseTime()
        let woke = try await within(Self.patience) { try await sleeper.value }
        #expect(woke == RunInstant(sinceStart: .seconds(90)))
        #expect(clock.outstandingHolds == 0)
    }

    @Test("a hold nobody releases is given up after the stale limit, so a lost release costs time, never a hang")
    func staleHoldIsGivenUp() async throws {
        let clock = VirtualClock(staleHoldLimit: .milliseconds(50))
        clock.holdTime()
        try await within(Self.patience) { try await clock.sleep(for: .seconds(60)) }
        #expect(clock.current == RunInstant(sinceStart: .seconds(60)))
        #expect(clock.outstandingHolds == 0)
    }

    @Test("a released hold never goes below zero (a frame received from a peer without a clock)")
    func extraReleaseIsHarmless() async throws {
        let clock = VirtualClock()
        clock.releaseTime()
        clock.releaseTime()
        #expect(clock.outstandingHolds == 0)
        try await within(Self.patience) { try await clock.sleep(for: .seconds(5)) }
        #expect(clock.current == RunInstant(sinceStart: .seconds(5)))
    }

    @Test("a cancelled sleeper throws CancellationError and is forgotten; other sleepers go on")
    func cancellation() async throws {
        let clock = VirtualClock()
        clock.holdTime()
        let (registered, signal) = AsyncStream.makeStream(of: Void.self)
        let cancelled = Task { () -> Bool in
            signal.yield()
            do {
                try await clock.sleep(for: .seconds(10))
                return false
            } catch {
                return error is CancellationError
            }
        }
        for await _ in registered { break }
        cancelled.cancel()
        #expect(await cancelled.value)
        clock.releaseTime()
        try await within(Self.patience) { try await clock.sleep(for: .seconds(20)) }
        #expect(clock.current == RunInstant(sinceStart: .seconds(20)))
    }

    @Test("a deadline already passed returns at once, without a jump", arguments: [
        Duration.zero, .seconds(-5),
    ])
    func pastDeadline(_ duration: Duration) async throws {
        let clock = VirtualClock()
        try await clock.sleep(for: duration)
        #expect(clock.current == RunInstant(sinceStart: .zero))
        #expect(clock.jumps == 0)
    }

    @Test("a sleep of 2⁶³ seconds (a peer's interval) waits until cancelled")
    func hugeSleep() async {
        let clock = VirtualClock()
        let sleeper = Task { () -> Bool in
            do {
                try await clock.sleep(for: .seconds(Int64.max))
                return clock.current.sinceStart == RunInstant.longestStep
            } catch {
                return error is CancellationError
            }
        }
        // Either the clock reached the capped deadline (nothing else to wait for) or the cancellation ended it.
        sleeper.cancel()
        #expect(await sleeper.value)
    }

    @Test("real time means nothing to it: limits stay as they are, real durations are no run time")
    func conversions() {
        let clock = VirtualClock()
        #expect(clock.isVirtual)
        #expect(!ScaledClock(scale: 60).isVirtual)
        #expect(clock.realDuration(of: .seconds(30)) == .seconds(30))
        #expect(clock.runDuration(ofReal: .seconds(1)) == .zero)
    }
}
