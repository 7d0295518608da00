import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// Reset and reconnection, preconditions across scenarios, and suite verdicts with their coverage matrix.
@Suite("Connections, preconditions and suite verdicts")
struct ConnectionAndSuiteTests {
    static let booted = """
        fixture: Booted
        steps:
          - expect: BootNotification
            within: 30s
            reply: { status: Accepted, currentTime: "${now()}", interval: 1 }
            capture: { vendor: payload.chargePointVendor }
        """

    /// A station that, on Reset, answers Accepted, closes and connects again (booting again).
    static var resettingStation: StationBehaviour {
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, station, provider in
            _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
            if call.action == "Reset" {
                await provider.reconnect(station.identity)
            }
        }
        return behaviour
    }

    @Test("Reset: the station disconnects, reconnects, boots again, and the session continues on the new connection")
    func resetAndReconnect() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run([
            "fixtures/booted.yaml": Self.booted,
            "a-reset.yaml": """
                scenario: Reset
                id: a-reset
                uses: fixtures/booted.yaml
                steps:
                  - send: Reset
                    with: { type: Soft }
                    match: { status: Accepted }
                  - expect-disconnect: true
                    within: 30s
                  - expect-reconnect: true
                    within: 30s
                  - expect: BootNotification
                  - send: GetConfiguration
                    match: { configurationKey: { $len: 1 } }
                """,
            "b-after.yaml": """
                scenario: After the reset
                id: b-after
                uses: fixtures/booted.yaml
                steps:
                  - send: ClearCache
                    match: { status: Accepted }
                  - assert: vendor == "Scripted"
                """,
        ], behaviour: Self.resettingStation)
        let reset = try #require(result.scenario("a-reset"))
        #expect(reset.verdict == .pass, "\(reset.reason ?? "")")
        #expect(result.stations.first?.connections.count == 2)
        let after = try #require(result.scenario("b-after"))
        #expect(after.verdict == .pass, "\(after.reason ?? "")")
        // The precondition of the second scenario is satisfied by the BootNotification already exchanged on the
        // open connection; it does not wait for another.
        let precondition = try #require(after.steps.first)
        #expect(precondition.phase == .precondition)
        #expect(precondition.summary?.hasPrefix("satisfied earlier on this connection") == true)
    }

    @Test("a station that never closes after Reset fails expect-disconnect at its location")
    func noDisconnect() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["reset.yaml": """
            scenario: Reset
            id: reset
            steps:
              - expect: BootNotification
              - send: Reset
                with: { type: Hard }
              - expect-disconnect: true
                within: 500ms
            """])
        let step = try #require(result.scenario("reset")?.firstFailedStep)
        #expect(step.location.description.hasSuffix("reset.yaml:7:5"))
        #expect(step.failure?.message == "the station did not close the connection within 500ms")
    }

    @Test("teardown runs after a failure, and the verdict stays the failure's")
    func teardownAlwaysRuns() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["teardown.yaml": """
            scenario: Teardown
            id: teardown
            steps:
              - expect: BootNotification
              - expect: Authorize
                within: 200ms
              - log: never reached
            teardown:
              - send: ClearCache
                match: { status: Accepted }
            """])
        let scenario = try #require(result.scenario("teardown"))
        #expect(scenario.verdict == .fail)
        #expect(scenario.steps.map(\.outcome) == [.passed, .failed, .notRun, .passed])
        #expect(scenario.steps.last?.phase == .teardown)
        #expect(scenario.reason?.hasPrefix("step expect at") == true)
    }

    @Test("suite verdict: one connection mode is enough, every required message exchanged and valid; the matrix says where")
    func suiteVerdict() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var files = [
            "suite.yaml": """
                suite: Mini integration
                id: mini
                scenarios: [ws.yaml, basic.yaml, mtls.yaml, functional.yaml]
                verdict:
                  - name: One connection mode passes
                    any-pass: [mini.connection-*]
                  - name: Functional scenarios pass
                    all-pass: [mini.functional]
                  - name: Required messages
                    messages: [BootNotification, ClearCache, Reset]
                optional-messages: [DataTransfer]
                """,
            "functional.yaml": """
                scenario: Functional
                id: mini.functional
                uses: fixtures/booted.yaml
                steps:
                  - send: ClearCache
                """,
            "fixtures/booted.yaml": Self.booted,
        ]
        for mode in SecurityMode.allCases {
            let name = ["ws": "ws", "wss-basic": "basic", "wss-mtls": "mtls"][mode.rawValue] ?? mode.rawValue
            files["\(name).yaml"] = """
                scenario: Connection \(mode.rawValue)
                id: mini.connection-\(mode.rawValue)
                requires: { security: \(mode.rawValue) }
                uses: fixtures/booted.yaml
                steps:
                  - send: GetConfiguration
                """
        }
        // The station offers only ws (the profile says so): the other modes are not offered.
        let profile = StationTestProfile(securityModes: [.ws])
        let result = try await harness.run(files, profile: profile)
        let station = try #require(result.stations.first)
        #expect(station.scenarios.map(\.verdict) == [.pass, .notApplicable, .notApplicable, .pass])
        #expect(station.scenarios[1].reason == "the station profile does not offer the connection mode wss-basic")
        let suite = try #require(station.suites.first)
        #expect(suite.rules.map(\.passed) == [true, true, false])
        #expect(suite.rules[2].detail == "not exchanged: Reset")
        #expect(!suite.passed)
        #expect(suite.connectionModes.map(\.status) == [.passed, .notOffered, .notOffered])
        let boot = try #require(suite.messages.first { $0.action == "BootNotification" })
        #expect(boot.seen && boot.valid && boot.required)
        #expect(boot.scenarios == ["mini.connection-ws"], "the functional scenario reuses the boot of the open connection")
        let clearCache = try #require(suite.messages.first { $0.action == "ClearCache" })
        #expect(clearCache.seen && clearCache.scenarios == ["mini.functional"])
        let dataTransfer = try #require(suite.messages.first { $0.action == "DataTransfer" })
        #expect(!dataTransfer.required && !dataTransfer.seen)
        #expect(result.exitCode == RunExitStatus.failed, "the suite verdict failed")
    }

    @Test("an expected failure that fails keeps the run green; one that passes fails it")
    func expectedFailures() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let failing = try await harness.run(["known.yaml": """
            scenario: Known bug
            id: known
            expected-failure: the station never sends Authorize (ticket 12)
            steps:
              - expect: Authorize
                within: 200ms
            """])
        #expect(failing.scenario("known")?.verdict == .fail)
        #expect(failing.scenario("known")?.countsAsFailure == false)
        #expect(failing.exitCode == RunExitStatus.passed)

        let passing = try await harness.run(["fixed.yaml": """
            scenario: Fixed bug
            id: fixed
            expected-failure: was broken
            steps:
              - expect: BootNotification
            """])
        #expect(passing.scenario("fixed")?.verdict == .pass)
        #expect(passing.scenario("fixed")?.countsAsFailure == true)
        #expect(passing.exitCode == RunExitStatus.failed)
    }

    @Test("the station profile rules scenarios out as NOT_APPLICABLE", arguments: [
        ("requires: { connectors: 3 }", "needs 3 connectors, the station profile has 2"),
        ("requires: { fixed-cable: true }", "needs a fixed cable, the station has a socket"),
        ("requires: { profiles: [SmartCharging] }", "needs the feature profile SmartCharging, not in the station profile"),
        ("requires: { id-tags: [blocked] }", "needs an idTag of the kind blocked, the station profile lists none"),
    ])
    func notApplicable(requirement: String, reason: String) async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let profile = StationTestProfile(connectors: 2, fixedCable: false, featureProfiles: ["Core"],
                                         idTags: [.valid: ["TAG-1"], .blocked: []])
        let result = try await harness.run(["na.yaml": """
            scenario: Needs something
            id: na
            \(requirement)
            steps:
              - expect: BootNotification
            """], profile: profile)
        #expect(result.scenario("na")?.verdict == .notApplicable)
        #expect(result.scenario("na")?.reason == reason)
        #expect(result.exitCode == RunExitStatus.passed)
    }
}
