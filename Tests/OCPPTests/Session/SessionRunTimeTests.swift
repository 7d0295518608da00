import Foundation
import Testing
@testable import OCPP

/// Sessions on a run clock: timeouts in run time, and the holds that keep a ``VirtualClock`` from jumping past a
/// conversation.
@Suite("OCPP sessions on a virtual clock")
struct SessionRunTimeTests {
    /// Runs `body` with a central-system session and a charge-point session sharing `clock`, over an in-memory pair
    /// closed afterwards.
    func withConnectedSessions(clock: VirtualClock,
                               _ body: (_ centralSystem: OCPPSession, _ chargePoint: OCPPSession) async throws -> Void)
        async throws
    {
        try await OCPPTests.withConnectedSessions(
            centralSystem: SessionConfiguration(clock: clock),
            chargePoint: SessionConfiguration(defaultTimeout: .seconds(30), clock: clock), body)
    }

    @Test("a CALL nobody answers times out after exactly its timeout of run time")
    func timeoutIsRunTime() async throws {
        let clock = VirtualClock()
        try await withConnectedSessions(clock: clock) { centralSystem, chargePoint in
            let calls = Mailbox(centralSystem.incomingCalls)
            async let outcome = chargePoint.call("Heartbeat", [:])
            let incoming = try #require(await calls.next())
            // The central system will not answer at once: run time may pass.
            incoming.releaseTime()
            #expect(await outcome == .timeout)
            #expect(clock.current == RunInstant(sinceStart: .seconds(30)))
            clock.releaseTime()
        }
    }

    @Test("an incoming CALL holds run time until it is answered; the caller gets the hold back with the answer")
    func callHoldsTime() async throws {
        let clock = VirtualClock(staleHoldLimit: .seconds(3_600))
        try await withConnectedSessions(clock: clock) { centralSystem, chargePoint in
            let calls = Mailbox(centralSystem.incomingCalls)
            let sleeper = Task { () throws -> RunInstant in
                try await clock.sleep(for: .seconds(10))
                return clock.current
            }
            async let outcome = chargePoint.call("Heartbeat", [:])
            let incoming = try #require(await calls.next())
            for _ in 0..<100 { await Task.yield() }
            #expect(clock.current == RunInstant(sinceStart: .zero), "run time passed while a CALL waited for its answer")
            try await incoming.respondWithDefault(DefaultReplies(heartbeatInterval: 60))
            guard case .result = await outcome else {
                Issue.record("expected a CALLRESULT")
                return
            }
            #expect(clock.current == RunInstant(sinceStart: .zero))
            clock.releaseTime()
            #expect(try await sleeper.value == RunInstant(sinceStart: .seconds(10)))
            #expect(clock.jumps == 1)
        }
    }

    @Test("a close holds run time from the moment it is handled until waitUntilClosed(holdingTime:) hands it over",
          arguments: [true, false])
    func closeHoldsTime(holdsTimeWhenClosed: Bool) async throws {
        let clock = VirtualClock(staleHoldLimit: .seconds(3_600))
        let (a, b) = InMemoryTransport.pair()
        var configuration = SessionConfiguration(clock: clock)
        configuration.holdsTimeWhenClosed = holdsTimeWhenClosed
        let centralSystem = OCPPSession(transport: a,
            info: SessionInfo(connectionId: "c-1", stationIdentity: "CP-1", role: .centralSystem),
            configuration: configuration)
        let chargePoint = OCPPSession(transport: b,
            info: SessionInfo(connectionId: "c-1", stationIdentity: "CP-1", role: .chargePoint),
            configuration: SessionConfiguration(clock: clock))
        await chargePoint.close()
        for await _ in centralSystem.incomingCalls {}
        // The incoming CALLs end once the close is handled: the hold (if asked for) is out from then on.
        #expect(clock.outstandingHolds == (holdsTimeWhenClosed ? 1 : 0))
        _ = await centralSystem.waitUntilClosed(holdingTime: true)
        #expect(clock.outstandingHolds == 1, "the waiter holds exactly one hold: the close's, or a new one")
        clock.releaseTime()
        #expect(clock.outstandingHolds == 0)
    }
}
