public import Runner
import Testing

extension ScenarioCase {
    /// Runs the scenario against `station` (on its own: a fresh emulator, or the live station's next connection) and
    /// reports to the running test: each failing step is an issue at its YAML file, line and column, its message
    /// naming the step and the diff (expected, got, field by field). NOT_APPLICABLE and SKIPPED cancel the test case
    /// (it shows as skipped, not failed); an `expected-failure:` that fails is a known issue; INCONCLUSIVE is a
    /// warning. A case of a file that did not load fails with each of its diagnostics.
    ///
    /// Cases wait for a free slot before they start: emulator runs go a few at a time (twice the processor count, or
    /// `CHARGECHECK_PARALLEL_RUNS`), so scaled timing windows hold on a busy machine; runs against a live station go
    /// one at a time.
    ///
    /// - Parameter timeLimit: real time after which the run is cut short and the case fails.
    /// - Returns: the scenario's result, for further checks (`nil` for a file that did not load, or a run that gave none).
    @discardableResult
    public func run(against station: StationUnderTest, timeLimit: Duration = .seconds(900)) async throws -> ScenarioResult? {
        switch content {
        case .unloadable(let diagnostics):
            for diagnostic in diagnostics { ScenarioProblem(diagnostic).record(severity: .error) }
            return nil
        case .scenario(let entry, let warnings):
            for warning in warnings { ScenarioProblem(warning).record(severity: .warning) }
            let plan = RunPlan(entries: [entry], suites: [])
            let result: RunResult
            do {
                result = try await station.slots.withSlot { try await station.run(plan, within: timeLimit) }
            } catch let error as ScenarioRunTimeout {
                ScenarioProblem(message: "\(id): \(error)", location: entry.scenario.location).record(severity: .error)
                return nil
            }
            guard let scenario = result.stations.first?.scenarios.first else {
                let reasons = result.errors.isEmpty ? "the run gave no result" : result.errors.joined(separator: "\n  ")
                ScenarioProblem(message: "\(id) ERROR: \(reasons)", location: entry.scenario.location).record(severity: .error)
                return nil
            }
            try ScenarioTestOutcome(scenario, runErrors: result.errors).record()
            return scenario
        }
    }
}
