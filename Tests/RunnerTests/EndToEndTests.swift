import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// Scenarios run end to end over real loopback WebSockets against scripted stations.
@Suite("End to end over loopback WebSockets")
struct EndToEndTests {
    /// A scenario that needs a connection mode, boots, configures, and sees a status.
    static func modeScenario(_ mode: SecurityMode) -> String {
        """
        scenario: Connection in \(mode.rawValue)
        id: connect.\(mode.rawValue)
        requires: { security: \(mode.rawValue) }
        steps:
          - expect: BootNotification
            within: 10s
            reply: { status: Accepted, currentTime: "${now()}", interval: 60 }
            capture: { vendor: payload.chargePointVendor }
          - expect: StatusNotification
            match: { connectorId: 1, status: Available }
          - send: ChangeConfiguration
            with: { key: HeartbeatInterval, value: "60" }
            match: { status: Accepted }
          - assert: vendor == "Scripted"
        """
    }

    @Test("a scenario passes in each connection mode, on a connection made in that mode", arguments: SecurityMode.allCases)
    func passesInEachMode(mode: SecurityMode) async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["connect.yaml": Self.modeScenario(mode)])
        let scenario = try #require(result.scenario("connect.\(mode.rawValue)"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        #expect(scenario.connectionMode == mode)
        let connection = try #require(result.stations.first?.connections.last)
        #expect(connection.mode == mode)
        switch mode {
        case .ws: #expect(connection.tls == nil)
        case .wssBasic:
            #expect(connection.tls != nil)
            #expect(connection.basicAuthUser == "CP-1")
        case .wssMTLS:
            #expect(connection.tls != nil)
            #expect(connection.clientCertificate?.contains("CP-1") == true)
        }
        #expect(result.exitCode == RunExitStatus.passed)
        #expect(scenario.steps.map(\.outcome) == [.passed, .passed, .passed, .passed])
        #expect(scenario.variables["vendor"] == "Scripted")
    }

    @Test("no race: a CALL that arrived before the expect step began is still taken by it")
    func noRace() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        // The station sends StatusNotification Preparing in the middle of answering ChangeConfiguration: it arrives
        // while the send step runs, before the expect step starts.
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, station, _ in
            if call.action == "ChangeConfiguration" {
                await station.status(1, "Preparing")
            }
            _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
        }
        let result = try await harness.run(["race.yaml": """
            scenario: No race
            id: race
            steps:
              - expect: BootNotification
              - send: ChangeConfiguration
                with: { key: MeterValueSampleInterval, value: "10" }
              - expect: StatusNotification
                match: { status: Preparing }
                within: 1s
            """], behaviour: behaviour)
        let scenario = try #require(result.scenario("race"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        let expectStep = scenario.steps[2]
        let trace = try #require(result.stations.first?.trace)
        let preparing = try #require(trace.first { $0.kind == .call && $0.action == "StatusNotification" && $0.payload?["status"] == "Preparing" })
        #expect(preparing.time < expectStep.started, "the message must have come before the step began")
        #expect(expectStep.traceSequences.contains(preparing.sequence))
    }

    @Test("a CALL that arrives before its expect step gets that step's reply, not the default")
    func heldForTheStepReply() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var behaviour = StationBehaviour()
        let transactionIds = TransactionLog()
        behaviour.onCall = { call, station, _ in
            _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
            if call.action == "RemoteStartTransaction" {
                let outcome = await station.call("StartTransaction", ["connectorId": 1, "idTag": "TAG-1", "meterStart": 0,
                                                                      "timestamp": "2026-01-01T00:00:00Z"])
                if case .result(let payload, _) = outcome { await transactionIds.add(payload["transactionId"]) }
                await station.status(1, "Charging")
            }
        }
        let result = try await harness.run(["start.yaml": """
            scenario: Remote start
            id: start
            steps:
              - expect: BootNotification
              - send: RemoteStartTransaction
                with: { connectorId: 1, idTag: TAG-1 }
                match: { status: Accepted }
              - log: started remotely
              - expect: StartTransaction
                reply: { transactionId: 1001, idTagInfo: { status: Accepted } }
                capture: { tx: reply.transactionId }
              - expect: StatusNotification
                match: { status: Charging }
            """], behaviour: behaviour)
        let scenario = try #require(result.scenario("start"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        #expect(scenario.variables["tx"] == 1001)
        #expect(await transactionIds.values == [1001])
    }
}

extension EndToEndTests {
    @Test("any-order: messages in another order than written, a send inside the group, the step's reply claimed")
    func anyOrder() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let transactionIds = TransactionLog()
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, station, _ in
            _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
            guard call.action == "RemoteStartTransaction" else { return }
            let outcome = await station.call("StartTransaction", ["connectorId": 1, "idTag": "TAG-1", "meterStart": 0,
                                                                  "timestamp": "2026-01-01T00:00:00Z"])
            if case .result(let payload, _) = outcome { await transactionIds.add(payload["transactionId"]) }
            await station.call("Authorize", ["idTag": "TAG-1"])
        }
        let result = try await harness.run(["group.yaml": """
            scenario: Group
            id: group
            steps:
              - expect: BootNotification
              - any-order:
                  - send: RemoteStartTransaction
                    with: { connectorId: 1, idTag: TAG-1 }
                  - expect: Authorize
                    match: { idTag: TAG-1 }
                  - expect: StartTransaction
                    reply: { transactionId: 555, idTagInfo: { status: Accepted } }
                    capture: { tx: reply.transactionId }
                  - expect: DataTransfer
                    optional: true
                    within: 300ms
            """], behaviour: behaviour)
        let scenario = try #require(result.scenario("group"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        #expect(scenario.variables["tx"] == 555)
        #expect(await transactionIds.values == [555])
        #expect(scenario.steps[1].children.map(\.verb) == ["send", "expect", "expect", "expect"])
    }

    @Test("repeat: for-each over a list and times, with the loop variable, a result per iteration")
    func repeating() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["repeat.yaml": """
            scenario: Repeat
            id: repeat
            given: { total: 0 }
            steps:
              - expect: BootNotification
              - repeat:
                  - send: ChangeConfiguration
                    with: { key: "${key}", value: "1" }
                    match: { status: Accepted }
                for-each: { key: [HeartbeatInterval, MeterValueSampleInterval] }
              - repeat:
                  - log: round ${iteration}
                times: 3
            """])
        let scenario = try #require(result.scenario("repeat"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        #expect(scenario.steps[1].children.map(\.name) == ["key = HeartbeatInterval", "key = MeterValueSampleInterval"])
        #expect(scenario.steps[2].children.count == 3)
        #expect(scenario.steps[2].children[2].children.first?.summary == "round 3")
    }
}

/// Values a station saw, for a test to check.
actor TransactionLog {
    var values: [JSONValue?] = []
    func add(_ value: JSONValue?) { values.append(value) }
}
