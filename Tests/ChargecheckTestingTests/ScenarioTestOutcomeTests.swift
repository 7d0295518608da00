import ChargecheckTesting
import Foundation
import Runner
import Testing
import YAML

/// How a scenario result becomes a test outcome, and where its problems point.
@Suite("ScenarioTestOutcome: verdicts as test outcomes")
struct ScenarioTestOutcomeTests {
    static let start = Location(file: "/s/x.yaml", line: 2, column: 1)

    static func result(_ verdict: Verdict, reason: String? = nil, expectedFailure: String? = nil,
                       steps: [StepResult] = []) -> ScenarioResult {
        ScenarioResult(id: "t.x", name: "X", file: "/s/x.yaml", location: start, verdict: verdict, reason: reason,
                       expectedFailure: expectedFailure, started: Date(), ended: Date(), steps: steps)
    }

    static func step(_ outcome: StepOutcome, line: Int, failure: StepFailure? = nil, children: [StepResult] = []) -> StepResult {
        StepResult(verb: children.isEmpty ? "expect" : "any-order", location: Location(file: "/s/x.yaml", line: line, column: 5),
                   phase: .main, started: Date(), ended: Date(), outcome: outcome, failure: failure, children: children)
    }

    @Test func aPassIsNothingToReport() {
        #expect(ScenarioTestOutcome(Self.result(.pass)) == .passed)
    }

    @Test("NOT_APPLICABLE and SKIPPED do not run", arguments: [Verdict.notApplicable, .skipped])
    func notRun(_ verdict: Verdict) {
        #expect(ScenarioTestOutcome(Self.result(verdict, reason: "why")) == .notRun(verdict: verdict, reason: "why"))
    }

    @Test func theInnermostFailingStepIsTheProblemWithExpectedAndGot() throws {
        let failure = StepFailure(message: "expected StatusNotification", expected: "status: Available", received: "{\"status\":\"Charging\"}")
        let nested = Self.step(.failed, line: 9, failure: failure)
        let outcome = ScenarioTestOutcome(Self.result(.fail, steps: [Self.step(.passed, line: 4),
                                                                     Self.step(.failed, line: 7, children: [nested])]))
        guard case .failed(let problems) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        let problem = try #require(problems.count == 1 ? problems.first : nil)
        #expect(problem.location.line == 9)
        #expect(problem.message.contains("step expect at /s/x.yaml:9:5 failed: expected StatusNotification"))
        #expect(problem.message.contains("expected: status: Available"))
        #expect(problem.message.contains("got:      {\"status\":\"Charging\"}"))
    }

    @Test func anErrorWithoutStepsPointsAtTheScenarioWithTheRunsErrors() throws {
        let outcome = ScenarioTestOutcome(Self.result(.error, reason: "no station connected"), runErrors: ["listener closed"])
        guard case .failed(let problems) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        let problem = try #require(problems.first)
        #expect(problem.location == Self.start)
        #expect(problem.message.contains("ERROR: no station connected"))
        #expect(problem.message.contains("listener closed"))
    }

    @Test func anExpectedFailureIsKnownAndAnUnexpectedPassFails() {
        let known = ScenarioTestOutcome(Self.result(.fail, reason: "r", expectedFailure: "bug 12"))
        guard case .failedAsExpected(let reason, let problems) = known else {
            Issue.record("expected a known failure, got \(known)")
            return
        }
        #expect(reason == "bug 12")
        #expect(!problems.isEmpty)
        guard case .failed(let unexpected) = ScenarioTestOutcome(Self.result(.pass, expectedFailure: "bug 12")) else {
            Issue.record("an unexpected pass should fail")
            return
        }
        #expect(unexpected.first?.message.contains("expected-failure: bug 12") == true)
    }

    @Test func inconclusiveIsAWarningNotAFailure() {
        guard case .inconclusive(let problems) = ScenarioTestOutcome(Self.result(.inconclusive, reason: "the station dropped")) else {
            Issue.record("expected inconclusive")
            return
        }
        #expect(problems.first?.message.contains("the station dropped") == true)
    }

    @Test func aProblemsSourceLocationIsTheYAMLFileMadeAbsoluteAndAtLeastLineOne() {
        let relative = ScenarioProblem(message: "m", location: Location(file: "scenarios/a/b.yaml", line: 0, column: 0)).sourceLocation
        #expect(relative.filePath == FileManager.default.currentDirectoryPath + "/scenarios/a/b.yaml")
        #expect(relative.fileID == "a/b.yaml")
        #expect((relative.line, relative.column) == (1, 1))
        let absolute = ScenarioProblem(message: "m", location: Location(file: "/s/x.yaml", line: 7, column: 3)).sourceLocation
        #expect((absolute.filePath, absolute.line, absolute.column) == ("/s/x.yaml", 7, 3))
    }
}
