import Emulator
import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// Scenarios against the real built-in emulator, connected in the mode each scenario needs.
@Suite("Runs against the built-in emulator")
struct EmulatorRunTests {
    static func charging(_ mode: SecurityMode) -> String {
        """
        scenario: Charging in \(mode.rawValue)
        id: emu.charging-\(mode.rawValue)
        requires: { security: \(mode.rawValue) }
        replies:
          BootNotification:
            reply: { status: Accepted, currentTime: "${now()}", interval: 60 }
        steps:
          - action: plug
            connector: 1
          - send: RemoteStartTransaction
            with: { connectorId: 1, idTag: TAG-1 }
            match: { status: Accepted }
          - expect: StartTransaction
            match: { connectorId: 1, idTag: TAG-1 }
            reply: { transactionId: 77, idTagInfo: { status: Accepted } }
            capture: { meterStart: payload.meterStart }
          - expect: StatusNotification
            match: { connectorId: 1, status: Charging }
          - action: unplug
            connector: 1
          - expect: StopTransaction
            match: { transactionId: 77 }
            capture: { meterStop: payload.meterStop }
          - assert: meterStop >= meterStart
        """
    }

    @Test("a charging session passes against the emulator in each connection mode", arguments: SecurityMode.allCases)
    func chargingInEachMode(mode: SecurityMode) async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.runEmulator(["charging.yaml": Self.charging(mode)], timeScale: 10)
        let scenario = try #require(result.scenarios.first)
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        #expect(scenario.connectionMode == mode)
        #expect(scenario.steps.first?.physicalAction?.performer == .emulator)
        #expect(result.stations.first?.bootNotification?["chargePointVendor"] == "Chargecheck")
    }

    @Test("press-stop: the emulator's stop button ends the transaction with reason Local")
    func pressStop() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.runEmulator(["stop.yaml": """
            scenario: Stop button
            id: emu.press-stop
            steps:
              - action: plug
                connector: 1
              - send: RemoteStartTransaction
                with: { connectorId: 1, idTag: TAG-1 }
                match: { status: Accepted }
              - expect: StartTransaction
                reply: { transactionId: 78, idTagInfo: { status: Accepted } }
              - action: press-stop
                connector: 1
              - expect: StopTransaction
                match: { transactionId: 78, reason: Local }
            """], timeScale: 10)
        let scenario = try #require(result.scenarios.first)
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        #expect(scenario.steps[3].physicalAction?.act == "press-stop")
    }

    @Test("the emulator's reject-remote-start fault fails the scenario at the send step, with the diff")
    func rejectedRemoteStart() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.runEmulator(["charging.yaml": Self.charging(.ws)], faults: [.rejectRemoteStart], timeScale: 10)
        let step = try #require(result.scenarios.first?.firstFailedStep)
        #expect(step.verb == "send" && step.location.line == 10)
        #expect(step.failure?.mismatches == [Mismatch(path: JSONPath(pointer: "/status"), wanted: "\"Accepted\"", got: "\"Rejected\"")])
        #expect(result.exitCode == RunExitStatus.failed)
    }

    /// The time scale of the holds below that run on real time: at 10 a heartbeat tolerance of 10 s is a second of real
    /// time and the emulator's call timeout (30 s) three, which a machine slowed down by a sanitizer or by other builds
    /// keeps. At 40 they were a quarter and three quarters of a second: under ThreadSanitizer a boot answer came after
    /// the emulator had given up on it, it booted again and got the default reply, with another heartbeat interval.
    static let scaledHoldTimeScale = 10.0

    @Test("--time-scale: a hold of a minute of run time takes a few seconds, heartbeats on the agreed interval")
    func timeScaledHold() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.runEmulator(["hold.yaml": """
            scenario: Hold
            id: hold
            steps:
              - expect: BootNotification
                reply: { status: Accepted, currentTime: "${now()}", interval: 20 }
              - hold: 1m
                tolerance: 10s
            """], timeScale: Self.scaledHoldTimeScale)
        let scenario = try #require(result.scenarios.first)
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        let hold = try #require(scenario.steps.last)
        // 6 s of real time at scale 10, the whole minute unscaled. The hold alone, not the run: with its setup
        // (certificates, listeners, the emulator) the run once took 45 s under ThreadSanitizer beside the other tests.
        #expect(hold.duration < 30, "the hold took \(hold.duration) s of real time")
        let summary = try #require(hold.summary)
        #expect(summary.contains("heartbeats (heartbeat interval 20s)"))
    }

    /// The real-time bound of the runs on virtual time below: far under the half hour and more of run time they cover
    /// (a run on real time would take that long), far over the second or so they take; under ThreadSanitizer, beside
    /// the whole suite and other sessions' fuzzers, one took longer than the 30 s it had.
    static let virtualRunPatience = 120.0

    @Test("--time-scale max: half an hour of hold is 30 heartbeats exactly on the interval, in well under a second of run")
    func virtualTimeHold() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.runEmulator(["hold.yaml": """
            scenario: Hold
            id: hold
            timeout: 3h
            steps:
              - expect: BootNotification
                reply: { status: Accepted, currentTime: "${now()}", interval: 60 }
              - hold: 30m30s
                tolerance: 1s
              - wait: 2h
            """], timeScale: .infinity, seconds: Self.virtualRunPatience)
        let scenario = try #require(result.scenarios.first)
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        let hold = try #require(scenario.steps.first { $0.verb == "hold" })
        #expect(hold.summary == "connection up for 30m30s, 30 heartbeats (heartbeat interval 1m)")
    }

    @Test("a hold that begins before the BootNotification is answered checks heartbeats on the interval agreed then")
    func intervalAgreedDuringHold() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.runEmulator(["hold.yaml": """
            scenario: Hold from the first moment
            id: hold
            replies:
              BootNotification:
                reply: { status: Accepted, currentTime: "${now()}", interval: 60 }
            steps:
              - hold: 5m
            """], faults: [.skipHeartbeats], timeScale: .infinity, seconds: Self.virtualRunPatience)
        let step = try #require(result.scenarios.first?.firstFailedStep)
        #expect(step.failure?.message == "no Heartbeat for longer than the interval 1m + tolerance 6s (0 came before)")
    }

    @Test("the skip-heartbeats fault fails the hold (time-scaled and virtual time)", arguments: [scaledHoldTimeScale, .infinity])
    func skippedHeartbeats(timeScale: Double) async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.runEmulator(["hold.yaml": """
            scenario: Hold
            id: hold
            steps:
              - expect: BootNotification
                reply: { status: Accepted, currentTime: "${now()}", interval: 20 }
              - hold: 2m
                tolerance: 10s
            """], faults: [.skipHeartbeats], timeScale: timeScale)
        let step = try #require(result.scenarios.first?.firstFailedStep)
        #expect(step.failure?.message == "no Heartbeat for longer than the interval 20s + tolerance 10s (0 came before)")
    }
}
