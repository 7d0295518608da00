import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// Runs against live stations: stations connect to the runner's listeners on their own.
@Suite("Live stations at listeners")
struct LiveStationTests {
    /// Reports the listener URLs once the runner opened them.
    final class URLWatcher: RunObserver {
        let urls: AsyncStream<[String]>
        let continuation: AsyncStream<[String]>.Continuation

        init() {
            (urls, continuation) = AsyncStream.makeStream(of: [String].self)
        }

        func handle(_ event: RunEvent) {
            if case .waitingForStations(let urls, _, _) = event { continuation.yield(urls) }
        }

        /// The first URL, within 10 s.
        func firstURL() async throws -> String {
            let urls = self.urls
            return try await within(10, "the listeners to open") {
                for await list in urls { if let first = list.first { return first } }
                throw TimedOut(what: "listener URLs")
            }
        }
    }

    /// Runs `files` with a ws listener; `connect` is given the listener URL to bring stations.
    func runLive(_ files: [String: String], options: RunOptions = RunOptions(stationSource: .live(listeners: [])),
                 performer: any ActionPerformer = NoActionPerformer(),
                 connect: @escaping @Sendable (String) async throws -> Void) async throws -> RunResult {
        let harness = try Harness()
        defer { harness.remove() }
        let plan = RunPlan(loaded: try harness.load(files))
        let watcher = URLWatcher()
        let runner = Runner(plan: plan, options: options,
                            listeners: [ListenerConfiguration(scheme: "ws", host: "127.0.0.1", port: 0, pathPrefix: "/ocpp")],
                            performer: performer, observer: watcher)
        let run = Task { await runner.run() }
        let url = try await watcher.firstURL()
        try await connect(url)
        return try await within(60, "the live run") { await run.value }
    }

    /// Connects a scripted station that boots and serves with the standard answers.
    static func station(_ identity: String, at url: String) async throws -> ScriptedStation {
        let station = try await ScriptedStation.connect(identity: identity, endpoint: StationEndpoint(listenerURL: url, identity: identity, mode: .ws))
        Task {
            for await call in station.session.incomingCalls {
                _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
            }
        }
        Task { await station.boot() }
        return station
    }

    static let plugScenario = """
        scenario: Plug
        id: plug
        steps:
          - expect: BootNotification
          - action: plug
            connector: 2
            id-tag: TAG-9
        """

    @Test("no station within --wait: an ERROR with the reason, never a hang")
    func noStation() async throws {
        var options = RunOptions(stationSource: .live(listeners: []))
        options.wait = .milliseconds(300)
        let result = try await runLive(["a.yaml": Self.plugScenario], options: options) { _ in }
        #expect(result.errors.first?.hasPrefix("no station connected within 300ms; stations connect to ws://127.0.0.1:") == true)
        let missing = try #require(result.stations.first)
        #expect(missing.identity == "station 1 (not connected)")
        #expect(missing.scenarios.map(\.verdict) == [.error])
        #expect(missing.scenarios.first?.reason == result.errors.first)
        #expect(result.exitCode == RunExitStatus.failed)
    }

    @Test("no operator (--non-interactive, no hook): scenarios needing one are SKIPPED with the reason; others run")
    func nonInteractive() async throws {
        let result = try await runLive([
            "a.yaml": Self.plugScenario,
            "b.yaml": """
                scenario: Plain
                id: plain
                steps:
                  - expect: BootNotification
                """,
        ]) { url in _ = try await Self.station("CP-7", at: url) }
        let station = try #require(result.stations.first)
        #expect(station.identity == "CP-7")
        #expect(station.scenarios.map(\.verdict) == [.skipped, .pass])
        #expect(station.scenarios[0].reason == NoActionPerformer().unavailableReason)
        #expect(result.exitCode == RunExitStatus.passed)
    }

    @Test("--action-hook: the act in the environment and as JSON on stdin; its exit status and output in the report")
    func actionHook() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.write("hook.sh", """
            #!/bin/sh
            cat > "\(directory.path)/stdin.json"
            echo "$CHARGECHECK_ACTION $CHARGECHECK_CONNECTOR $CHARGECHECK_ID_TAG $CHARGECHECK_STATION" > "\(directory.path)/env.txt"
            echo "relay switched"
            """)
        let result = try await runLive(["a.yaml": Self.plugScenario], performer: ActionHook(command: "sh \(script)")) { url in
            _ = try await Self.station("CP-7", at: url)
        }
        let scenario = try #require(result.scenario("plug"))
        #expect(scenario.verdict == .pass, "\(scenario.reason ?? "")")
        let record = try #require(scenario.steps[1].physicalAction)
        #expect(record.performer == .hook && record.exitStatus == 0)
        #expect(record.output == "relay switched\n")
        let json = try JSONParser().parse(String(contentsOfFile: directory.path + "/stdin.json", encoding: .utf8))
        #expect(json["action"] == "plug")
        #expect(json["connector"] == 2)
        #expect(json["idTag"] == "TAG-9")
        #expect(json["station"] == "CP-7")
        #expect(try String(contentsOfFile: directory.path + "/env.txt", encoding: .utf8) == "plug 2 TAG-9 CP-7\n")
    }

    @Test("a failing hook fails the step with the hook's message")
    func failingHook() async throws {
        let result = try await runLive(["a.yaml": Self.plugScenario],
                                       performer: ActionHook(command: "echo 'relay board offline' >&2; exit 3")) { url in
            _ = try await Self.station("CP-7", at: url)
        }
        let step = try #require(result.scenario("plug")?.firstFailedStep)
        #expect(step.failure?.message == "the action hook exited with status 3: relay board offline")
        #expect(result.scenario("plug")?.verdict == .fail)
    }

    @Test("a live station connected in one mode: scenarios for other modes are NOT_APPLICABLE (not offered)")
    func otherModeNotOffered() async throws {
        let result = try await runLive(["a.yaml": """
            scenario: Basic only
            id: basic-only
            requires: { security: wss-basic }
            steps:
              - expect: BootNotification
            """]) { url in _ = try await Self.station("CP-7", at: url) }
        #expect(result.scenario("basic-only")?.verdict == .notApplicable)
        #expect(result.scenario("basic-only")?.reason == "not offered: the station is connected in ws, the scenario needs wss-basic")
    }

    @Test("several stations: each gets the plan on its own; --station-id refuses others")
    func severalStations() async throws {
        var options = RunOptions(stationSource: .live(listeners: []))
        options.stationCount = 2
        let result = try await runLive(["b.yaml": """
            scenario: Plain
            id: plain
            steps:
              - expect: BootNotification
              - send: ClearCache
                match: { status: Accepted }
            """], options: options) { url in
            _ = try await Self.station("CP-A", at: url)
            _ = try await Self.station("CP-B", at: url)
        }
        #expect(result.stations.map(\.identity).sorted() == ["CP-A", "CP-B"])
        #expect(result.stations.allSatisfy { $0.scenarios.map(\.verdict) == [.pass] })
        #expect(result.stations.allSatisfy { station in station.trace.allSatisfy { $0.stationIdentity == station.identity } })

        var filtered = RunOptions(stationSource: .live(listeners: []))
        filtered.stationIdentity = "CP-B"
        let only = try await runLive(["b.yaml": "scenario: Plain\nid: plain\nsteps:\n  - expect: BootNotification\n"],
                                     options: filtered) { url in
            _ = try? await Self.station("CP-A", at: url)
            _ = try await Self.station("CP-B", at: url)
        }
        #expect(only.stations.map(\.identity) == ["CP-B"])
        #expect(only.handshakeRejections.contains { $0.contains("station CP-A refused: only CP-B is under test") })
    }

    @Test("--time-scale (a factor or max) is refused against live stations", arguments: [
        (ScaledClock(scale: 60) as any RunClock, "--time-scale"), (VirtualClock(), "--time-scale max"),
    ])
    func timeScaleRefused(clock: any RunClock, option: String) async throws {
        let runner = Runner(plan: RunPlan(entries: [], suites: []), options: RunOptions(stationSource: .live(listeners: [])),
                            listeners: [], clock: clock)
        let result = await runner.run()
        #expect(result.errors == ["\(option) works only with the emulator: a live station keeps real time"])
        #expect(result.exitCode == RunExitStatus.failed)
    }
}
