import ChargecheckTesting
import Foundation
import Locking
import Runner
import Testing

/// Running cases against the emulator: what a failing scenario or a broken file records, and where.
@Suite("ScenarioCase: running against the emulator and recording issues")
struct ScenarioCaseRunTests {
    /// Runs `scenario`, expecting issues; gives the issues it recorded.
    static func issues(of scenario: ScenarioCase, against station: StationUnderTest = .emulator(timeScale: 5),
                       timeLimit: Duration = .seconds(120)) async throws -> [Issue] {
        let recorded = Locked<[Issue]>([])
        try await withKnownIssue {
            try await scenario.run(against: station, timeLimit: timeLimit)
        } matching: { issue in
            recorded.withLock { $0.append(issue) }
            return true
        }
        return recorded.withLock { $0 }
    }

    static func load(_ name: String, _ text: String, in files: ScenarioFiles) throws -> (ScenarioCase, String) {
        let path = try files.write(name, text)
        let cases = ScenarioFolder.load(path, selection: .all)
        return (try #require(cases.count == 1 ? cases.first : nil, "one case, got \(cases)"), path)
    }

    @Test func aPassingScenarioRecordsNothingAndGivesItsResult() async throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        let (scenario, _) = try Self.load("passing.yaml", ScenarioFiles.passing, in: files)
        let result = try await scenario.run(against: .emulator(timeScale: 5), timeLimit: .seconds(120))
        #expect(result?.verdict == .pass)
    }

    @Test func aFailingStepIsAnIssueAtItsYAMLLineWithTheDiff() async throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        let (scenario, path) = try Self.load("failing.yaml", ScenarioFiles.failing, in: files)
        let issues = try await Self.issues(of: scenario)
        let issue = try #require(issues.count == 1 ? issues.first : nil, "one issue, got \(issues)")
        let location = try #require(issue.sourceLocation)
        #expect(location.filePath == path)
        #expect(location.fileName == "failing.yaml")
        #expect((location.line, location.column) == (5, 5))
        let message = issue.comments.map(\.rawValue).joined(separator: "\n")
        #expect(message.contains("t.failing FAIL: step send at \(path):5:5 failed"))
        #expect(message.contains("wanted"), "the message should carry the field diff: \(message)")
    }

    @Test func aBrokenFileFailsWithEachDiagnosticAtItsPlace() async throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        let (scenario, path) = try Self.load("broken.yaml", ScenarioFiles.broken, in: files)
        let issues = try await Self.issues(of: scenario)
        #expect(!issues.isEmpty)
        for issue in issues {
            #expect(issue.sourceLocation?.filePath == path)
            #expect(issue.severity == .error)
        }
        #expect(issues.contains { $0.sourceLocation?.line == 4 && $0.sourceLocation?.column == 5 })
    }

    @Test func aRunPastItsTimeLimitFailsAtTheScenario() async throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        let (scenario, path) = try Self.load("slow.yaml", """
            scenario: Waits for a heartbeat
            id: t.slow
            steps:
              - expect: Heartbeat
                within: 10m
            """, in: files)
        let issues = try await Self.issues(of: scenario, against: .emulator(timeScale: 1), timeLimit: .milliseconds(300))
        let issue = try #require(issues.first)
        #expect(issue.sourceLocation?.filePath == path)
        #expect(issue.comments.map(\.rawValue).joined().contains("did not finish within"))
    }

    @Test func aLiveOnlyScenarioIsNotApplicableAgainstTheEmulator() async throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        let (scenario, _) = try Self.load("live.yaml", ScenarioFiles.passing.replacingOccurrences(of: "[fast, core]", with: "[live-only]"), in: files)
        guard case .scenario(let entry, _) = scenario.content else {
            Issue.record("expected a scenario case")
            return
        }
        let result = try await StationUnderTest.emulator().run(RunPlan(entries: [entry], suites: []), within: .seconds(120))
        let only = try #require(result.stations.first?.scenarios.first)
        guard case .notRun(let verdict, let reason) = ScenarioTestOutcome(only) else {
            Issue.record("a live-only scenario should not run against the emulator: \(only.verdict) \(only.reason ?? "")")
            return
        }
        #expect(verdict == .notApplicable)
        #expect(reason.contains("live-only"))
    }

    @Test func aBadListenerURLIsThrown() async throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        let (scenario, _) = try Self.load("passing.yaml", ScenarioFiles.passing, in: files)
        await #expect(throws: ListenerError.self) {
            try await scenario.run(against: .station(listen: "http://nowhere"), timeLimit: .seconds(10))
        }
    }
}
