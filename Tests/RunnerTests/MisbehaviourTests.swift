import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// The central system misbehaving on purpose: CALLERROR replies, late replies, no reply, malformed replies, a
/// BootNotification answered Pending first.
@Suite("The central system misbehaving on purpose")
struct MisbehaviourTests {
    /// A station that boots, then sends Authorize and records the outcome.
    static func authorizingStation(_ outcomes: OutcomeLog) -> StationBehaviour {
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Test-1"])
            await outcomes.add(await station.call("Authorize", ["idTag": "TAG-1"]))
            await station.call("Heartbeat", [:])
        }
        return behaviour
    }

    @Test("reply-error answers with a CALLERROR of the code given")
    func replyError() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let outcomes = OutcomeLog()
        let result = try await harness.run(["error.yaml": """
            scenario: Error reply
            id: error
            steps:
              - expect: BootNotification
              - expect: Authorize
                reply-error: { code: InternalError, description: "backend down for ${payload.idTag}" }
              - expect: Heartbeat
            """], behaviour: Self.authorizingStation(outcomes))
        #expect(result.scenario("error")?.verdict == .pass)
        let outcome = try #require(await outcomes.first())
        #expect(outcome == .error(code: .internalError, description: "backend down for TAG-1", details: [:]))
    }

    @Test("no-reply leaves the CALL unanswered; the station times out")
    func noReply() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let outcomes = OutcomeLog()
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Test-1"])
            await outcomes.add(await station.session.call("Authorize", ["idTag": "TAG-1"], timeout: .milliseconds(300)))
            await station.call("Heartbeat", [:])
        }
        let result = try await harness.run(["silent.yaml": """
            scenario: Silent central system
            id: silent
            steps:
              - expect: BootNotification
              - expect: Authorize
                no-reply: true
              - expect: Heartbeat
            """], behaviour: behaviour)
        #expect(result.scenario("silent")?.verdict == .pass)
        #expect(await outcomes.first() == .timeout)
        let answered = try #require(result.scenario("silent")?.steps[1].summary)
        #expect(answered.contains("no answer, on purpose"))
    }

    @Test("reply-after answers late; reply-raw sends a malformed frame")
    func lateAndMalformed() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let outcomes = OutcomeLog()
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Test-1"])
            let clock = ContinuousClock()
            let started = clock.now
            await outcomes.add(await station.call("Authorize", ["idTag": "TAG-1"]))
            await outcomes.addElapsed(clock.now - started)
            await outcomes.add(await station.session.call("Heartbeat", [:], timeout: .milliseconds(500)))
            await station.status(1, "Available")
        }
        let result = try await harness.run(["odd.yaml": """
            scenario: Odd answers
            id: odd
            steps:
              - expect: BootNotification
              - expect: Authorize
                reply: { idTagInfo: { status: Blocked } }
                reply-after: 400ms
              - expect: Heartbeat
                reply-raw: '[3, "not-closed", {"currentTime": ]'
              - expect: StatusNotification
                match: { connectorId: 1 }
            """], behaviour: behaviour)
        #expect(result.scenario("odd")?.verdict == .pass, "\(result.scenario("odd")?.reason ?? "")")
        let answers = await outcomes.values
        #expect(answers.first == .result(["idTagInfo": ["status": "Blocked"]], validation: .clean))
        #expect(try #require(await outcomes.elapsed.first) >= .milliseconds(400))
        #expect(answers.dropFirst().first == .timeout, "a malformed answer is no answer for the station")
        let trace = try #require(result.stations.first?.trace)
        #expect(trace.contains { $0.kind == .malformed && $0.raw.hasPrefix("[3, ") })
    }

    @Test("BootNotification answered Pending, then Accepted: the station boots again")
    func bootPendingFirst() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            while true {
                let outcome = await station.call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Test-1"])
                guard case .result(let payload, _) = outcome, payload["status"] == "Pending" else { return }
            }
        }
        let result = try await harness.run(["pending.yaml": """
            scenario: Pending boot
            id: pending
            steps:
              - expect: BootNotification
                reply: { status: Pending, currentTime: "${now()}", interval: 1 }
              - expect: BootNotification
                reply: { status: Accepted, currentTime: "${now()}", interval: 60 }
            """], behaviour: behaviour)
        #expect(result.scenario("pending")?.verdict == .pass, "\(result.scenario("pending")?.reason ?? "")")
    }

    @Test("a CALLERROR the scenario did not expect fails the send step")
    func unexpectedCallError() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, _, _ in try? await call.respondError(.notSupported, description: "not here") }
        let result = try await harness.run(["callerror.yaml": """
            scenario: CALLERROR
            id: callerror
            steps:
              - expect: BootNotification
              - send: UnlockConnector
                with: { connectorId: 1 }
              - send: DataTransfer
                with: { vendorId: com.example }
                match-error: { code: NotSupported }
            """], behaviour: behaviour)
        let step = try #require(result.scenario("callerror")?.firstFailedStep)
        #expect(step.failure?.message == "the station answered UnlockConnector with CALLERROR NotSupported: not here")
        #expect(step.location.line == 5)
    }

    @Test("a station that answers NotImplemented or NotSupported to an action the scenario requires is NOT_APPLICABLE",
          arguments: [OCPPErrorCode.notImplemented, .notSupported])
    func unsupportedRequiredAction(code: OCPPErrorCode) async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, _, _ in try? await call.respondError(code, description: "no local list here") }
        let result = try await harness.run(["locallist.yaml": """
            scenario: Local list
            id: locallist
            requires: { messages: [SendLocalList] }
            steps:
              - expect: BootNotification
              - send: SendLocalList
                with: { listVersion: 1, updateType: Full }
                match: { status: Accepted }
            """], behaviour: behaviour)
        let scenario = try #require(result.scenario("locallist"))
        #expect(scenario.verdict == .notApplicable)
        #expect(scenario.reason?.hasSuffix("/locallist.yaml:6:5: the station does not support SendLocalList (CALLERROR \(code.wireName)), which the scenario requires") == true)
        #expect(scenario.steps[1].outcome == .unsupported)
        #expect(result.exitCode == RunExitStatus.passed)
    }
}

/// What a scripted station got back, for a test to check.
actor OutcomeLog {
    var values: [CallOutcome] = []
    var elapsed: [Duration] = []
    func add(_ outcome: CallOutcome) { values.append(outcome) }
    func addElapsed(_ duration: Duration) { elapsed.append(duration) }
    func first() -> CallOutcome? { values.first }
}
