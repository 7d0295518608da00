import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// A precondition's `replies:` stay in force for the scenario that uses it: a station that boots only after the
/// precondition's steps are done still gets the fixture's answer, not a default one.
@Suite("Precondition replies")
struct PreconditionRepliesTests {
    @Test("a BootNotification that comes after the precondition's steps gets the precondition's reply")
    func lateBootGetsTheFixtureReply() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let answers = OutcomeLog()
        var behaviour = StationBehaviour()
        behaviour.onConnect = { _ in }
        behaviour.onCall = { call, station, _ in
            _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
            if call.action == "GetConfiguration" {
                await answers.add(await station.call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Late"]))
            }
        }
        let result = try await harness.run([
            "fixtures/online.yaml": """
                fixture: Online
                replies:
                  BootNotification:
                    reply: { status: Accepted, currentTime: "${now()}", interval: 60 }
                steps:
                  - send: GetConfiguration
                """,
            "late-boot.yaml": """
                scenario: Late boot
                id: late-boot
                uses: fixtures/online.yaml
                steps:
                  - send: ClearCache
                    match: { status: Accepted }
                """,
        ], behaviour: behaviour)
        #expect(result.scenario("late-boot")?.verdict == .pass, "\(result.scenario("late-boot")?.reason ?? "")")
        guard case .result(let payload, _)? = await answers.first() else {
            Issue.record("the late BootNotification was not answered")
            return
        }
        #expect(payload["interval"] == 60, "the fixture's reply, not the default interval")
    }
}
