import Foundation
import OCPP
@testable import Runner
import Testing

/// Which CALLs an `expect` may take: those since the last step that acts or pauses on purpose began. Steps that only
/// observe while time passes (`expect-none`, `hold`) do not move that point.
@Suite("The expect window")
struct WindowTests {
    /// A station that reports Preparing while it answers ChangeConfiguration: the report is in the mailbox (and
    /// answered) before the send step ends, so before the step after it begins.
    static let reportsWhileAnswering: StationBehaviour = {
        var behaviour = StationBehaviour()
        behaviour.onCall = { call, station, _ in
            if call.action == "ChangeConfiguration" { await station.status(1, "Preparing") }
            _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
        }
        return behaviour
    }()

    static func scenario(observing step: String) -> String {
        """
        scenario: Window
        id: window
        steps:
          - expect: BootNotification
          - send: ChangeConfiguration
            with: { key: MeterValueSampleInterval, value: "10" }
        \(step)
          - expect: StatusNotification
            match: { status: Preparing }
            within: 2s
        """
    }

    @Test("a CALL the act caused before an observing step began is there for the expect after it",
          arguments: ["  - expect-none: Authorize\n    for: 1s", "  - hold: 1s\n    heartbeat-interval: 1h"])
    func observingStepKeepsTheWindow(step: String) async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["window.yaml": Self.scenario(observing: step)],
                                           behaviour: Self.reportsWhileAnswering)
        let scenario = try #require(result.scenario("window"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        let observing = scenario.steps[2]
        let trace = try #require(result.stations.first?.trace)
        let preparing = try #require(trace.first { $0.kind == .call && $0.payload?["status"] == "Preparing" })
        #expect(preparing.time < observing.started, "the report must have come before the observing step began")
        #expect(scenario.steps[3].traceSequences.contains(preparing.sequence))
    }

    @Test("a wait moves the window: a CALL from before it is stale for the expect after it")
    func waitMovesTheWindow() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let result = try await harness.run(["window.yaml": Self.scenario(observing: "  - wait: 1s")],
                                           behaviour: Self.reportsWhileAnswering)
        let scenario = try #require(result.scenario("window"))
        #expect(scenario.verdict == .fail)
        #expect(scenario.steps[3].outcome == .failed)
        #expect(scenario.unconsumedCalls.contains { $0.action == "StatusNotification" })
    }
}
