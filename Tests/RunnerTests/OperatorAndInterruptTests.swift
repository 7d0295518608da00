import Foundation
import Locking
import OCPP
@testable import Runner
import Scenario
import Testing

/// Operator prompts on a terminal (here a pipe standing in for the keyboard) and interrupting a run.
@Suite("Operator prompts and interruptions")
struct OperatorAndInterruptTests {
    static let request = ActionRequest(act: .unplug, connector: 1, prompt: "Unplug the cable from connector 1",
                                       station: "CP-1", within: .seconds(20))

    /// A prompt reading keys from a pipe; returns the result and the prompts shown.
    func prompt(keys: String?, stationReacts: Bool = false, bound: Duration = .seconds(20)) async throws -> (ActionResult, [String]) {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        defer {
            close(descriptors[0])
            close(descriptors[1])
        }
        let shown = PromptLog()
        let performer = OperatorPrompt(input: descriptors[0]) { request in shown.add(request.prompt) }
        if let keys { _ = keys.utf8CString.withUnsafeBufferPointer { write(descriptors[1], $0.baseAddress, keys.utf8.count) } }
        var bounded = Self.request
        bounded.within = bound
        let request = bounded
        let result = try await within(10, "the prompt to end") {
            await performer.perform(request) {
                if stationReacts { return }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        return (result, shown.values)
    }

    @Test("Enter confirms the act; the prompt was shown")
    func confirm() async throws {
        let (result, shown) = try await prompt(keys: "\n")
        #expect(result.outcome == .passed)
        #expect(result.record.performer == .operator)
        #expect(shown == ["Unplug the cable from connector 1"])
    }

    @Test("s skips: the step is SKIPPED with the reason")
    func skip() async throws {
        let (result, _) = try await prompt(keys: "s")
        #expect(result.outcome == .skipped)
        #expect(result.message == "the operator skipped: Unplug the cable from connector 1")
    }

    @Test("the station reacting ends the prompt without a key")
    func stationReacts() async throws {
        let (result, _) = try await prompt(keys: nil, stationReacts: true)
        #expect(result.outcome == .passed)
    }

    @Test("no key and no reaction within the bound: INCONCLUSIVE")
    func operatorAbsent() async throws {
        let (result, _) = try await prompt(keys: nil, bound: .milliseconds(200))
        #expect(result.outcome == .inconclusive)
        #expect(result.message?.hasPrefix("the operator did not act within") == true)
    }

    @Test("interrupting a run: the step in progress is interrupted, later scenarios skipped, exit code 130")
    func interrupt() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let plan = RunPlan(loaded: try harness.load([
            "a.yaml": """
                scenario: Long wait
                id: a
                steps:
                  - expect: BootNotification
                  - expect: Authorize
                    within: 5m
                """,
            "b.yaml": "scenario: Later\nid: b\nsteps:\n  - log: never\n",
        ]))
        let loopback = try LoopbackListeners(directory: harness.directory.path + "/pki", stations: ["CP-1"])
        let started = StepWatcher()
        let runner = Runner(plan: plan, options: RunOptions(), listeners: loopback.configurations,
                            emulator: (ScriptedProvider(behaviour: StationBehaviour()), loopback), observer: started)
        let run = Task { await runner.run() }
        try await within(20, "the Authorize step to start") { await started.waitForAuthorize() }
        run.cancel()
        let result = try await within(20, "the interrupted run to end") { await run.value }
        #expect(result.interrupted)
        #expect(result.exitCode == RunExitStatus.interrupted)
        let scenarios = try #require(result.stations.first?.scenarios)
        #expect(scenarios.map(\.verdict) == [.inconclusive, .skipped])
        #expect(scenarios[0].steps[1].outcome == .interrupted)
        #expect(scenarios[1].reason == "the run was interrupted before this scenario")
    }
}

/// Prompts shown, in order.
final class PromptLog: Sendable {
    private let shown = Locked<[String]>([])
    func add(_ prompt: String) { shown.withLock { $0.append(prompt) } }
    var values: [String] { shown.withLock { $0 } }
}

/// Signals when a step on Authorize starts.
final class StepWatcher: RunObserver {
    private let state = Locked<(started: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func handle(_ event: RunEvent) {
        guard case .stepStarted(_, "expect", _, let location, _) = event, location.line == 5 else { return }
        let waiters = state.withLock { state in
            state.started = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func waitForAuthorize() async {
        await withCheckedContinuation { continuation in
            let started = state.withLock { state in
                if !state.started { state.waiters.append(continuation) }
                return state.started
            }
            if started { continuation.resume() }
        }
    }
}
