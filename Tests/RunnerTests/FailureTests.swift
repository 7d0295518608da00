import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// Scenarios that must fail, each with the exact failure it must report: the step's file:line:column, the message,
/// the diff, the frames before it.
@Suite("Failures are reported exactly")
struct FailureTests {
    /// A station that reports connector 1 Available before its BootNotification, each CALL after the answer to the
    /// previous one: once the scenario has taken the BootNotification, the StatusNotification is already there, so a
    /// step after it that waits in vain fails on its own bound, however slow the machine (under ThreadSanitizer, or
    /// on a busy CI runner, the StatusNotification sent after the boot's answer could miss a 500 ms bound).
    static let statusBeforeBoot: StationBehaviour = {
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.status(1, "Available")
            await station.call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Test-1"])
        }
        return behaviour
    }()

    @Test("wrong reply: the CALLRESULT does not match, with a field diff")
    func wrongReply() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, _, _ in _ = try? await call.respond(["status": "Rejected"]) }
        let result = try await harness.run(["wrong.yaml": """
            scenario: Wrong reply
            id: wrong-reply
            steps:
              - expect: BootNotification
              - send: ChangeConfiguration
                with: { key: HeartbeatInterval, value: "60" }
                match: { status: Accepted }
            """], behaviour: behaviour)
        let scenario = try #require(result.scenario("wrong-reply"))
        #expect(scenario.verdict == .fail)
        let step = try #require(scenario.firstFailedStep)
        #expect(step.location.description.hasSuffix("scenarios/wrong.yaml:5:5"))
        #expect(step.failure?.message == "the station's answer to ChangeConfiguration does not match")
        #expect(step.failure?.mismatches == [Mismatch(path: JSONPath(pointer: "/status"), wanted: "\"Accepted\"", got: "\"Rejected\"")])
        #expect(step.failure?.received == #"{"status":"Rejected"}"#)
        let frames = try #require(step.failure?.lastFrames)
        #expect(frames.contains { $0.kind == .callResult && $0.action == "ChangeConfiguration" && $0.sender == .chargePoint })
        #expect(frames.count <= InterpreterContext.lastFrameCount)
        #expect(scenario.reason?.contains("wrong.yaml:5:5") == true)
        #expect(result.exitCode == RunExitStatus.failed)
    }

    @Test("missing message: nothing came within the bound, and what came instead is named")
    func missingMessage() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["missing.yaml": """
            scenario: Missing
            id: missing
            steps:
              - expect: BootNotification
              - expect: StartTransaction
                within: 500ms
            """], behaviour: Self.statusBeforeBoot)
        let step = try #require(result.scenario("missing")?.firstFailedStep)
        #expect(step.location.description.hasSuffix("missing.yaml:5:5"))
        #expect(step.outcome == .failed)
        #expect(step.failure?.message == "expected StartTransaction within 500ms; none came (came instead: StatusNotification)")
    }

    @Test("mismatching message: a StatusNotification came but not the one wanted; the diff shows why")
    func mismatchingMessage() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["status.yaml": """
            scenario: Status
            id: status
            steps:
              - expect: BootNotification
              - expect: StatusNotification
                match: { connectorId: 1, status: Charging }
                within: 500ms
            """], behaviour: Self.statusBeforeBoot)
        let step = try #require(result.scenario("status")?.firstFailedStep)
        #expect(step.location.description.hasSuffix("status.yaml:5:5"))
        #expect(step.failure?.message == "expected StatusNotification matching the step within 500ms; 1 StatusNotification came but it does not match")
        #expect(step.failure?.mismatches == [Mismatch(path: JSONPath(pointer: "/status"), wanted: "\"Charging\"", got: "\"Available\"")])
    }

    @Test("timeout: a CALL of the central system that gets no answer fails the step")
    func unansweredCall() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onCall = { _, _, _ in }
        let result = try await harness.run(["silent.yaml": """
            scenario: Silent station
            id: silent
            steps:
              - expect: BootNotification
              - send: Reset
                with: { type: Soft }
                within: 500ms
            """], behaviour: behaviour)
        let step = try #require(result.scenario("silent")?.firstFailedStep)
        #expect(step.location.description.hasSuffix("silent.yaml:5:5"))
        #expect(step.failure?.message == "the station did not answer Reset within 500ms")
        #expect(step.failure?.received == "nothing")
        #expect(result.scenario("silent")?.verdict == .fail)
    }

    @Test("schema violation: the path, the rule and the frame")
    func schemaViolation() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Test-1"])
            await station.status(1, "Charging2")
        }
        let result = try await harness.run(["invalid.yaml": """
            scenario: Invalid status
            id: invalid
            steps:
              - expect: BootNotification
              - expect: StatusNotification
            """], behaviour: behaviour)
        let step = try #require(result.scenario("invalid")?.firstFailedStep)
        #expect(step.location.description.hasSuffix("invalid.yaml:5:5"))
        #expect(step.failure?.message == "the station's StatusNotification breaks the OCPP 1.6 schema")
        let violation = try #require(step.failure?.violations.first)
        #expect(violation.rule == .enumeration)
        #expect(violation.path.description.contains("status"))
        #expect(violation.value == "Charging2")
        #expect(step.failure?.received?.contains("Charging2") == true)
    }

    @Test("an invalid CALL nobody expects still fails the step it arrived in")
    func unexpectedInvalidCall() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, station, _ in
            _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
            await station.call("MeterValues", ["connectorId": 1, "meterValue": [["timestamp": "yesterday", "sampledValue": [["value": "10"]]]]])
            await station.call("Heartbeat", [:])
        }
        let result = try await harness.run(["meter.yaml": """
            scenario: Meter
            id: meter
            steps:
              - expect: BootNotification
              - send: TriggerMessage
                with: { requestedMessage: MeterValues }
              - expect: Heartbeat
            """], behaviour: behaviour)
        let scenario = try #require(result.scenario("meter"))
        #expect(scenario.verdict == .fail)
        let step = try #require(scenario.firstFailedStep)
        #expect(step.failure?.message.hasPrefix("the station sent a MeterValues that breaks the OCPP 1.6 schema") == true,
                "step \(step.location): \(step.failure?.message ?? "no failure")")
        #expect(step.failure?.violations.first?.rule == .dateTime)
        #expect(scenario.unconsumedCalls.map(\.action).contains("MeterValues"))
    }

    @Test("a malformed frame from the station fails the step it arrives in")
    func malformedFrame() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.boot()
            try? await station.session.send(raw: #"[2, "m-1", "Heartbeat""#)
            await station.call("Heartbeat", [:])
        }
        let result = try await harness.run(["malformed.yaml": """
            scenario: Malformed
            id: malformed
            steps:
              - expect: BootNotification
              - expect: Heartbeat
            """], behaviour: behaviour)
        let step = try #require(result.scenario("malformed")?.firstFailedStep)
        #expect(step.verb == "expect" && step.location.line == 5)
        #expect(step.failure?.message.hasPrefix("the station broke OCPP-J while this step ran: ") == true)
        #expect(step.failure?.received == #"[2, "m-1", "Heartbeat""#)
        #expect(result.scenario("malformed")?.findings.contains { $0.kind == .malformedFrame } == true)
    }

    @Test("disconnect: the connection drops during a hold")
    func disconnectDuringHold() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.boot()
            try? await Task.sleep(for: .milliseconds(200))
            await station.close()
        }
        let result = try await harness.run(["hold.yaml": """
            scenario: Hold
            id: hold
            steps:
              - expect: BootNotification
              - hold: 5s
                heartbeat-interval: 10s
            """], behaviour: behaviour)
        let step = try #require(result.scenario("hold")?.firstFailedStep)
        #expect(step.location.description.hasSuffix("hold.yaml:5:5"))
        #expect(step.failure?.message.hasPrefix("the connection closed during the hold (after 0 heartbeats): closed (code 1000") == true)
        #expect(result.scenario("hold")?.verdict == .fail)
    }

    @Test("a station that drops while an expectation waits makes the scenario INCONCLUSIVE")
    func dropWhileWaiting() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        behaviour.onConnect = { station in
            await station.boot()
            try? await Task.sleep(for: .milliseconds(200))
            await station.close()
        }
        let result = try await harness.run(["drop.yaml": """
            scenario: Drop
            id: drop
            steps:
              - expect: BootNotification
              - expect: Authorize
                within: 10s
            """], behaviour: behaviour)
        let scenario = try #require(result.scenario("drop"))
        #expect(scenario.verdict == .inconclusive)
        #expect(scenario.firstFailedStep?.failure?.message == "the station disconnected while the step waited for Authorize")
        #expect(result.exitCode == RunExitStatus.passed, "INCONCLUSIVE does not fail the run")
    }

    @Test("a failed assertion shows its message and the values involved")
    func failedAssertion() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["assert.yaml": """
            scenario: Assert
            id: assert
            given: { low: 5 }
            steps:
              - expect: BootNotification
                capture: { vendor: payload.chargePointVendor }
              - assert: low > 10
                message: too low (${low})
            """])
        let step = try #require(result.scenario("assert")?.firstFailedStep)
        #expect(step.failure?.message == "too low (5)")
        #expect(step.failure?.received == "low = 5")
        #expect(step.location.description.hasSuffix("assert.yaml:7:5"))
    }
}
