import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// A station CALL held for an upcoming `expect` with a `reply` must not wait in vain: once no coming step can take it
/// (it arrived before every coming step's window), the next policy change answers it.
@Suite("Held CALLs are released")
struct HeldCallReleaseTests {
    /// Runs `body` with a channel holding one in-memory connection, the station's session on the other end, and a
    /// policy whose claim wants StartTransaction; closes the connection afterwards.
    private func withConnectedChannel(
        _ body: (StationChannel, _ station: OCPPSession, AnsweringPolicy) async throws -> Void
    ) async throws {
        let channel = StationChannel(identity: "CP-1", clock: ScaledClock(), mode: .strict, recorder: TraceRecorder())
        let loaded = ScenarioLoader().load(text: """
            scenario: Claim
            id: claim
            steps:
              - expect: StartTransaction
                reply: { transactionId: 5, idTagInfo: { status: Accepted } }
            """, file: "claim.yaml")
        let steps = try #require(loaded.scenarios.first?.steps)
        let policy = AnsweringPolicy(claims: ReplyClaim.claims(upcoming: steps))
        try await withStation(connectedTo: channel, record: ConnectionRecord(
            connectionId: "CP-1#1", mode: .ws, security: "ws", listener: "memory", peer: "memory", path: "/ocpp/CP-1",
            opened: Date())) { station in
            try await body(channel, station, policy)
        }
    }

    private static let start: JSONValue = ["connectorId": 1, "idTag": "TAG-1", "meterStart": 0, "timestamp": "2026-01-01T00:00:00Z"]

    @Test("a held CALL before the coming steps' window is answered at the next policy change")
    func releasedBeforeTheWindow() async throws {
        try await withConnectedChannel { channel, station, policy in
            await channel.configure(policy, windowStart: 0)
            let answer = Task { await station.call("StartTransaction", Self.start, timeout: .seconds(20)) }
            let arrived = await channel.mark
            await channel.waitForEvent(after: arrived)
            await channel.configure(policy, windowStart: await channel.mark)
            let outcome = await answer.value
            guard case .result(let payload, _) = outcome else {
                Issue.record("the held StartTransaction was not answered: \(outcome)")
                return
            }
            #expect(payload["idTagInfo"]?["status"] == "Accepted")
        }
    }

    @Test("a held CALL a coming step can still take stays held")
    func keptInsideTheWindow() async throws {
        try await withConnectedChannel { channel, station, policy in
            await channel.configure(policy, windowStart: 0)
            let answer = Task { await station.call("StartTransaction", Self.start, timeout: .seconds(1)) }
            let arrived = await channel.mark
            await channel.waitForEvent(after: arrived)
            await channel.configure(policy, windowStart: arrived)
            #expect(await answer.value == .timeout)
        }
    }
}
