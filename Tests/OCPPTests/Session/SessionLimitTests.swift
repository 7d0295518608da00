import Foundation
import Testing
@testable import OCPP

@Suite("OCPP session limits")
struct SessionLimitTests {
    /// Runs `body` with a central-system session allowing `limit` unanswered station CALLs and the station's raw end
    /// of its transport; closes both afterwards.
    func withSession(limit: Int, _ body: (_ centralSystem: OCPPSession, _ station: RawPeer) async throws -> Void)
        async throws
    {
        try await withSessionAndRawPeer(
            info: SessionInfo(connectionId: "CP-9#1", stationIdentity: "CP-9", role: .centralSystem),
            configuration: SessionConfiguration(maximumUnansweredIncomingCalls: limit), body)
    }

    static func heartbeat(_ id: Int) -> String { #"[2,"h\#(id)","Heartbeat",{}]"# }

    @Test("pending calls: up to the limit may wait for answers; one more closes the connection (1008) with a finding naming the station and what to do",
          .timeLimit(.minutes(1)))
    func unansweredCallLimit() async throws {
        try await withSession(limit: 3) { centralSystem, station in
            let calls = Mailbox(centralSystem.incomingCalls)
            for id in 1...3 { try await station.send(Self.heartbeat(id)) }
            var delivered: [IncomingCall] = []
            for _ in 1...3 { delivered.append(try #require(await calls.next())) }
            #expect(await centralSystem.closedBy == nil)

            try await delivered[0].respond(["currentTime": "2026-11-26T01:00:00Z"])
            try await station.send(Self.heartbeat(4))
            _ = try #require(await calls.next())
            #expect(await centralSystem.closedBy == nil, "three unanswered again: within the limit")

            try await station.send(Self.heartbeat(5))
            let closure = await centralSystem.waitUntilClosed()
            #expect(closure.code == 1008)
            #expect(closure.reason == "more than 3 CALLs unanswered")
            let finding = try #require(await centralSystem.findings.first { $0.message.hasPrefix("CP-9 (connection") })
            #expect(finding.kind == .concurrentCall && finding.messageId == "h5")
            #expect(finding.severity == .error)
            #expect(finding.message == "CP-9 (connection CP-9#1) has 4 CALLs waiting for answers, more than the limit of 3; the "
                + "connection was closed (1008). OCPP-J lets a charge point send one CALL at a time: make it wait for each answer, "
                + "or raise the limit (chargecheck run --limit pending-calls=N)")
        }
    }

    @Test("a station that waits for each answer never reaches the limit, however many CALLs it sends", .timeLimit(.minutes(1)))
    func oneAtATimeIsFine() async throws {
        try await withSession(limit: 1) { centralSystem, station in
            let calls = Mailbox(centralSystem.incomingCalls)
            for id in 1...50 {
                try await station.send(Self.heartbeat(id))
                let call = try #require(await calls.next())
                try await call.respond(["currentTime": "2026-11-26T01:00:00Z"])
            }
            #expect(await centralSystem.closedBy == nil)
            #expect(await centralSystem.findings.isEmpty)
        }
    }

    @Test("findings: a session keeps its newest FindingLog.limit, counting every one, so marks keep their meaning")
    func findingsStayBounded() async throws {
        try await withSessionAndRawPeer { session, peer in
            let sent = FindingLog.limit + FindingLog.limit / 2
            for _ in 0..<sent { try await peer.send("this is not json") }
            // The session handles frames in order: once the answer to this CALL comes, every bad frame was checked.
            try await peer.send(#"[2,"last","ClearCache",{}]"#)
            guard case .callError(let id, _, _, _)? = await peer.nextFrame() else {
                Issue.record("expected the answer to the last CALL")
                return
            }
            #expect(id == "last")
            let log = await session.findingLog
            #expect(log.count >= sent, "one finding per bad frame (and the CALL of the wrong direction may add one)")
            #expect(log.kept.count <= FindingLog.limit)
            #expect(log.dropped == log.count - log.kept.count)
            #expect(log.since(log.count - 1).count == 1, "a mark taken before the drops still finds what came after it")
            #expect(log.since(0).count == log.kept.count)
            #expect(await session.findings.count == log.kept.count)
        }
    }
}
