import Foundation
import OCPP
@testable import Runner
import Testing

/// A long run keeps bounded memory: the mailbox forgets what no coming step can take, a long `repeat` lists only its
/// first and last iterations, and a scenario lists at most 20 unconsumed CALLs; each says how many it summarised.
@Suite("Long runs: bounded mailbox and results")
struct LongRunMemoryTests {
    /// A station channel on an in-memory connection, and the station's side of it.
    static func channelOnMemoryConnection() async -> (StationChannel, OCPPSession) {
        let channel = StationChannel(identity: "CP-7", clock: ScaledClock(), mode: .strict, recorder: TraceRecorder())
        let (centralSide, stationSide) = InMemoryTransport.pair()
        await channel.attach(transport: centralSide, record: ConnectionRecord(
            connectionId: "CP-7#1", mode: .ws, security: "ws", listener: "test", peer: "test", path: "/CP-7", opened: Date()))
        let station = OCPPSession(transport: stationSide,
                                  info: SessionInfo(connectionId: "CP-7#1", stationIdentity: "CP-7", role: .chargePoint))
        return (channel, station)
    }

    @Test("consumed CALLs leave the mailbox once forgotten; unconsumed ones are kept aside for the result, 20 listed",
          .timeLimit(.minutes(1)))
    func consumedCallsLeave() async throws {
        let (channel, station) = await Self.channelOnMemoryConnection()
        await channel.collectForgottenCalls(from: 0)
        for number in 1...600 {
            guard case .result = await station.call("Heartbeat", [:], timeout: .seconds(10)) else {
                Issue.record("Heartbeat \(number) was not answered")
                return
            }
            // Every other one is taken by a step, as an `expect` would; the next step's window starts after it.
            if number.isMultiple(of: 2) {
                let taken = await channel.take(from: 0) { $0.action == "Heartbeat" }
                #expect(taken != nil)
                await channel.forget(before: await channel.mark)
            }
        }
        #expect(await channel.mark == 601, "the connection and 600 CALLs, positions counted on")
        #expect(await channel.keptEvents <= StationChannel.keptOpeningEvents, "only the connection's opening stays")
        #expect(await channel.droppedCalls == 0, "nothing went by the mailbox limit")
        let (listed, unlisted) = await channel.forgottenCalls()
        #expect(listed.count == ForgottenCalls.listedLimit)
        #expect(listed.count + unlisted + (await channel.events(from: 0).count { $0.1.call?.consumed == false }) == 300,
                "every unconsumed CALL is listed, counted, or still in the opening")
        #expect(listed.allSatisfy { $0.action == "Heartbeat" && $0.answeredBy == "default" && $0.payload == [:] },
                "each listed with its payload, decoded again from the frame kept")
        let stillThere = await channel.take(from: 0, includingConsumed: true) { $0.action == "Heartbeat" }
        #expect(stillThere?.0 == 1, "the opening of the open connection stays readable for preconditions that replay it")
    }

    @Test("once the station's plan has run, the mailbox keeps nothing, and every CALL is still answered",
          .timeLimit(.minutes(1)))
    func nothingKeptAfterThePlan() async throws {
        let (channel, station) = await Self.channelOnMemoryConnection()
        await channel.finishPlan()
        for number in 1...50 {
            guard case .result = await station.call("Heartbeat", [:], timeout: .seconds(10)) else {
                Issue.record("Heartbeat \(number) was not answered")
                return
            }
        }
        #expect(await channel.mark == 51)
        #expect(await channel.keptEvents == 1, "only the newest event, while it is answered")
    }

    @Test("a station that reconnects 120 times: closed sessions are released, their findings kept; the first and last 50 connections listed",
          .timeLimit(.minutes(1)))
    func closedSessionsReleased() async throws {
        let channel = StationChannel(identity: "CP-7", clock: ScaledClock(), mode: .strict, recorder: TraceRecorder())
        for number in 1...120 {
            let (centralSide, stationSide) = InMemoryTransport.pair()
            await channel.attach(transport: centralSide, record: ConnectionRecord(
                connectionId: "CP-7#\(number)", mode: .ws, security: "ws", listener: "test", peer: "test", path: "/CP-7",
                opened: Date()))
            let station = OCPPSession(transport: stationSide, info: SessionInfo(connectionId: "CP-7#\(number)",
                                                                               stationIdentity: "CP-7", role: .chargePoint))
            try await station.send(raw: "not OCPP-J \(number)")
            let seen = await channel.mark
            await station.close()
            while true {
                let end = await channel.mark
                if await channel.events(from: seen).contains(where: { if case .disconnected = $0.1 { true } else { false } }) {
                    break
                }
                await channel.waitForEvent(after: end)
            }
        }
        #expect(await channel.heldSessions == 0, "every closed session was released")
        let malformed = await channel.findings().filter { $0.kind == .malformedFrame }
        #expect(malformed.count == 120, "each connection's finding is kept")
        #expect(await channel.findingsMark().count == 120, "marks still count per connection")
        let listed = await channel.connections.map(\.connectionId)
        #expect(listed == (Array(1...50) + Array(71...120)).map { "CP-7#\($0)" })
        #expect(await channel.unlistedConnections == 20)
        #expect(await channel.connections.allSatisfy { $0.closure != nil }, "each listed connection has its closure")
    }

    static let longLoop = """
        scenario: Long loop
        id: long.loop
        timeout: 1000h
        steps:
          - repeat:
              - send: TriggerMessage
                with: { requestedMessage: Heartbeat }
                match: { status: Accepted }
              - expect: Heartbeat
                within: 60s
              - send: TriggerMessage
                with: { requestedMessage: StatusNotification, connectorId: 1 }
                match: { status: Accepted }
              - send: TriggerMessage
                with: { requestedMessage: StatusNotification, connectorId: 2 }
                match: { status: Accepted }
              - wait: 30s
            times: 300
        """

    @Test("a repeat of 300 iterations on virtual time: the first and last two listed, the rest counted; the mailbox stays under a limit of 300 events although the station sent 900 CALLs",
          .timeLimit(.minutes(3)))
    func longRepeat() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var options = RunOptions()
        try options.limits.set("mailbox=300")
        let result = try await harness.runEmulator(["loop.yaml": Self.longLoop], timeScale: .infinity, options: options,
                                                   seconds: 150)
        let scenario = try #require(result.scenario("long.loop"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        let loop = try #require(scenario.steps.last)
        #expect(loop.summary == "300 iterations passed")
        #expect(loop.children.map(\.summary) == [1, 2, 299, 300].map { "iteration \($0) of 300" })
        #expect(loop.unlisted == StepResult.UnlistedSteps(after: 2, count: 296))
        #expect(scenario.unconsumedCalls.count == ForgottenCalls.listedLimit)
        #expect(scenario.unconsumedCalls.allSatisfy { $0.traceSequence != nil }, "each listed CALL links to its frame")
        #expect(scenario.unconsumedCalls.allSatisfy { $0.action != "StatusNotification" || $0.payload["status"] != nil },
                "a forgotten CALL is listed with its payload")
        #expect(scenario.unlistedUnconsumedCalls >= 500, "two StatusNotifications per iteration that no step takes")
        #expect(!result.notes.contains { $0.contains("dropped from its mailbox") },
                "the mailbox never reached its limit: consumed and settled CALLs were forgotten on the way")
    }
}
