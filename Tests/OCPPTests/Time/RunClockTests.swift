import Testing
@testable import OCPP

@Suite("The run clock")
struct RunClockTests {
    @Test("a sleep far beyond what the runtime can represent waits (until cancelled) instead of trapping", arguments: [
        (Duration.seconds(Int64.max), 1.0), (.seconds(86_400), 1e-300), (.seconds(Int64.max), 60.0),
    ])
    func hugeSleep(duration: Duration, scale: Double) async {
        let clock = ScaledClock(scale: scale)
        let (started, start) = AsyncStream.makeStream(of: Void.self)
        let sleeper = Task { () -> Bool in
            start.yield()
            do {
                try await clock.sleep(for: duration)
                return false
            } catch {
                return error is CancellationError
            }
        }
        // Cancel only once the sleeper is under way (so the sleep itself is reached, not skipped as cancelled).
        for await _ in started { break }
        await Task.yield()
        sleeper.cancel()
        #expect(await sleeper.value, "the sleep should end by cancellation")
    }

    @Test("a negative or zero sleep returns at once")
    func nonPositiveSleep() async throws {
        let clock = ScaledClock(scale: 60)
        try await clock.sleep(for: .seconds(-5))
        try await clock.sleep(for: .zero)
    }
}
