import Foundation
import OCPP
import Scenario

/// Plays the plan on one station, scenario after scenario on its session, and judges its suites.
struct StationRunner {
    let plan: RunPlan
    let context: InterpreterContext
    let options: RunOptions
    /// Brings the station into a connection mode (emulator runs): `nil` when done, else why not.
    let switchMode: (@Sendable (SecurityMode) async -> String?)?

    /// How long a live station has to come back when a scenario starts while it is disconnected.
    static let reconnectGrace: Duration = Defaults.reconnectWithin

    func run() async -> StationResult {
        let channel = context.channel
        var results: [ScenarioResult] = []
        var previousStepStart = 0
        for (index, entry) in plan.entries.enumerated() {
            let scenario = entry.scenario
            if Task.isCancelled {
                results.append(notRun(entry, .skipped, "the run was interrupted before this scenario"))
                continue
            }
            let overrides = suiteOverrides(entry.suite).merging(options.overrides) { _, set in set }
            await channel.configure(.opening(scenario, overrides: overrides, base: baseEnvironment), windowStart: previousStepStart)
            if let reason = await prepare(scenario) {
                results.append(notRun(entry, reason.0, reason.1))
                context.observer.handle(.scenarioFinished(station: channel.identity, result: results[results.count - 1]))
                continue
            }
            context.observer.handle(.scenarioStarted(station: channel.identity, id: scenario.metadata.id,
                                                     name: scenario.metadata.name, index: index + 1, total: plan.entries.count))
            let run = ScenarioRun(scenario: scenario, context: context, suiteId: entry.suite?.id, overrides: overrides,
                                  previousStepStart: previousStepStart)
            var result = await run.run()
            result.judgedBySuiteVerdict = !(entry.suite?.rules.isEmpty ?? true)
            previousStepStart = run.previousStepStart
            results.append(result)
            context.observer.handle(.scenarioFinished(station: channel.identity, result: result))
        }
        await channel.finishPlan()
        let trace = context.recorder.records
        let findings = await channel.findings()
        let suites = plan.suites.map { suite in
            SuiteJudge(suite: suite, results: results.filter { $0.suiteId == suite.id }, trace: trace, findings: findings).verdict()
        }
        return StationResult(identity: channel.identity, bootNotification: await channel.bootNotification,
                             connections: await channel.connections, unlistedConnections: await channel.unlistedConnections,
                             scenarios: results, findings: findings, suites: suites,
                             trace: trace)
    }

    /// Gets the station ready for a scenario; returns the verdict and reason when it cannot run.
    func prepare(_ scenario: Scenario) async -> (Verdict, String)? {
        let channel = context.channel
        let requirements = scenario.metadata.requirements
        if !context.live && scenario.metadata.tags.contains(CoverageMatrix.liveOnlyTag) {
            return (.notApplicable, "tagged \(CoverageMatrix.liveOnlyTag): written for a live station, the emulator cannot exercise it")
        }
        if let reason = context.profile.reasonNotApplicable(requirements, connectedIn: await channel.currentMode, live: context.live) {
            return (.notApplicable, reason)
        }
        if scenario.needsOperator && !context.performer.isAvailable {
            return (.skipped, context.performer.unavailableReason)
        }
        if let switchMode {
            let current = await channel.currentMode
            let wanted = requirements.security ?? current ?? .ws
            let connected = await channel.isConnected
            if current != wanted || !connected {
                if let problem = await switchMode(wanted) { return (.error, problem) }
            }
        } else if !(await channel.isConnected) {
            guard await awaitReconnect() else {
                return (.inconclusive, "the station was not connected and did not come back within \(DurationText.format(Self.reconnectGrace))")
            }
            if let reason = context.profile.reasonNotApplicable(requirements, connectedIn: await channel.currentMode, live: context.live) {
                return (.notApplicable, reason)
            }
        }
        return nil
    }

    func awaitReconnect() async -> Bool {
        let channel = context.channel
        let deadline = ContinuousClock.now + Self.reconnectGrace
        while !(await channel.isConnected) {
            let seen = await channel.mark
            let woke = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    await channel.waitForEvent(after: seen)
                    return true
                }
                group.addTask {
                    try? await Task.sleep(until: deadline, clock: .continuous)
                    return false
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            if !woke || Task.isCancelled { return await channel.isConnected }
        }
        return true
    }

    /// The variables every scenario starts with.
    var baseEnvironment: Environment {
        let clock = context.clock
        return Environment(variables: ["station": .string(context.channel.identity), "profile": context.profile.jsonValue],
                           clock: { clock.now })
    }

    /// The suite's `given`, evaluated (they override the scenarios' defaults).
    func suiteOverrides(_ suite: Suite?) -> [String: JSONValue] {
        guard let suite else { return [:] }
        var environment = baseEnvironment
        var values: [String: JSONValue] = [:]
        for variable in suite.given {
            if let value = options.overrides[variable.name] ?? (try? variable.value.evaluate(in: environment)) {
                values[variable.name] = value
                environment[variable.name] = value
            }
        }
        return values
    }

    func notRun(_ entry: RunPlan.Entry, _ verdict: Verdict, _ reason: String) -> ScenarioResult {
        let now = Date()
        let metadata = entry.scenario.metadata
        return ScenarioResult(id: metadata.id, name: metadata.name, file: entry.scenario.file, location: entry.scenario.location,
                              tags: metadata.tags, description: metadata.description, suiteId: entry.suite?.id,
                              judgedBySuiteVerdict: !(entry.suite?.rules.isEmpty ?? true), verdict: verdict, reason: reason, expectedFailure: metadata.expectedFailure,
                              requiredMode: metadata.requirements.security, started: now, ended: now)
    }
}
