import Emulator
import Runner
import Testing

/// Proof that the EV24 suite bites: against the clean emulator everything passes; with each fault profile, the scenario
/// meant to catch it fails, for the reason the profile names (docs/ev24.md lists the table).
@Suite("EV24 suite against the emulator and its fault profiles")
struct EV24FaultProofTests {
    static let suite = ShippedSuites.ev24Folder + "/suite.yaml"

    /// For each fault profile: the scenario that must fail and a fragment of the reason it must give.
    static let expectations: [FaultProfile: (scenario: String, reason: String)] = [
        .rejectRemoteStart: ("ev24.remote-start", "answer to RemoteStartTransaction does not match"),
        .neverSendStartTransaction: ("ev24.remote-start", "expected StartTransaction"),
        .answerLate: ("ev24.configuration", "did not answer GetConfiguration"),
        .timestampWithoutZone: ("ev24.connector-status", "breaks the OCPP 1.6 schema"),
        .missingRequiredField: ("ev24.connection-ws", "breaks the OCPP 1.6 schema"),
        .wrongEnum: ("ev24.connection-ws", "breaks the OCPP 1.6 schema"),
        .skipHeartbeats: ("ev24.connection-ws", "no Heartbeat"),
        .noReconnectAfterReset: ("ev24.remote-restart", "did not connect again"),
        .dropMidTransaction: ("ev24.remote-start", "step hold at"),
        .wrongStopTransactionId: ("ev24.remote-stop", "StopTransaction came but it does not match"),
        .meterBackwards: ("ev24.meter-values", "the energy register went backwards"),
        .refuseConfiguration: ("ev24.configuration", "answer to ChangeConfiguration does not match"),
    ]

    @Test func everyFaultProfileHasAnExpectation() {
        #expect(Set(Self.expectations.keys) == Set(FaultProfile.allCases))
    }

    @Test func cleanEmulatorPassesTheSuite() async throws {
        let result = try await ShippedSuiteRun.run(Self.suite, faults: [])
        let verdicts = Dictionary(uniqueKeysWithValues: result.scenarioResults.map { ($0.id, $0.verdict) })
        for (id, verdict) in verdicts where id.hasPrefix("ev24.") {
            #expect(verdict == .pass, "\(id) should pass against the clean emulator:\n\(result.summary)")
        }
        #expect(verdicts["ocpp16.invalid-central-system-certificate"] == .notApplicable)
        for (id, verdict) in verdicts where id.hasPrefix("ocpp16.") && id != "ocpp16.invalid-central-system-certificate" {
            #expect(verdict == .pass, "\(id) (optional messages) should pass against the clean emulator:\n\(result.summary)")
        }
        let suite = try #require(result.stations.first?.suites.first)
        #expect(suite.passed, "the EV24 verdict should pass:\n\(result.summary)")
    }

    @Test("each fault profile fails the scenario meant to catch it", arguments: FaultProfile.allCases)
    func faultIsCaught(_ fault: FaultProfile) async throws {
        let expected = try #require(Self.expectations[fault])
        let result = try await ShippedSuiteRun.run(Self.suite, faults: [fault])
        let scenario = try #require(result.scenarioResults.first { $0.id == expected.scenario }, "\(expected.scenario) did not run")
        #expect(scenario.verdict == .fail, "\(fault.rawValue): \(expected.scenario) should FAIL:\n\(result.summary)")
        #expect(scenario.reason?.contains(expected.reason) == true,
                "\(fault.rawValue): \(expected.scenario) should fail because \"\(expected.reason)\", not: \(scenario.reason ?? "no reason")")
        let suite = try #require(result.stations.first?.suites.first)
        #expect(!suite.passed, "\(fault.rawValue): the EV24 verdict should fail")
    }
}
