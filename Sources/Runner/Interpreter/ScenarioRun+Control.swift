import Foundation
import OCPP
import Scenario

extension ScenarioRun {
    /// `repeat`: the child steps `times` times (with `iteration` counting from 1) or once per element of a list; one
    /// result per iteration.
    func runRepeat(_ repetition: Repeat, phase: StepResult.Phase, continuation: [Step]) async -> StepReport {
        var bindings: [(String, JSONValue)] = []
        do {
            switch repetition.mode {
            case .times(let template):
                let value = try template.evaluate(in: environment)
                guard case .integer(let count) = value, (0...Self.maximumIterations).contains(count) else {
                    return .ended(.error, "repeat times must be an integer from 0 to \(Self.maximumIterations), not \(value.jsonText)")
                }
                bindings = count == 0 ? [] : (1...count).map { ("iteration", JSONValue.integer($0)) }
            case .forEach(let variable, let values):
                let value = try values.evaluate(in: environment)
                guard case .array(let elements) = value, elements.count <= Self.maximumIterations else {
                    return .ended(.error, "repeat for-each needs a list of at most \(Self.maximumIterations) values, not \(value.jsonText)")
                }
                bindings = elements.map { (variable, $0) }
            }
        } catch {
            return .ended(.error, "the repetition could not be computed: \(error)")
        }
        var iterations = IterationLog()
        let loopVariable = bindings.first?.0
        let outerValue = loopVariable.flatMap { environment[$0] }
        defer { if let loopVariable { environment[loopVariable] = outerValue } }
        for (number, binding) in bindings.enumerated() {
            environment[binding.0] = binding.1
            let started = Date()
            let (children, ok) = await runList(repetition.steps, phase: phase, continuation: continuation, skip: false)
            let failed = children.first { $0.outcome != .passed && $0.outcome != .notRun }
            let group = groupReport(children, failed: failed)
            let iteration = StepResult(verb: "iteration", name: "\(binding.0) = \(binding.1.interpolationText)",
                                       location: repetition.steps.first?.location ?? scenario.location, phase: phase,
                                       summary: "iteration \(number + 1) of \(bindings.count)", started: started,
                                       ended: Date(), outcome: group.outcome, failure: group.failure, children: children)
            iterations.append(iteration)
            if !ok {
                var report = groupReport(iterations.listed, failed: iteration)
                report.unlisted = iterations.omitted
                return report
            }
        }
        var report = StepReport(outcome: .passed, summary: "\(bindings.count) iterations passed", children: iterations.listed)
        report.unlisted = iterations.omitted
        return report
    }

    /// `assert`: the expression must be true.
    func runAssert(_ assertion: Assertion) -> StepReport {
        let value: JSONValue
        do {
            value = try assertion.expression.evaluate(in: environment)
        } catch {
            return .ended(.error, "the assertion could not be evaluated: \(error)")
        }
        guard case .bool(let holds) = value else {
            return .ended(.error, "the assertion \(assertion.expression) gives \(value.jsonText), not true or false")
        }
        if holds { return .passed("\(assertion.expression) holds") }
        let message = (try? assertion.message?.render(in: environment)) ?? "assertion failed: \(assertion.expression)"
        let values = assertion.expression.freeVariables.map { "\($0) = \(environment[$0]?.jsonText ?? "undefined")" }
        return .failed(StepFailure(message: message, expected: "\(assertion.expression)", received: values.joined(separator: ", ")))
    }

    /// `log`: a line in the report.
    func runLog(_ text: Interpolation) -> StepReport {
        do {
            return .passed(try text.render(in: environment))
        } catch {
            return .ended(.error, "the log line could not be computed: \(error)")
        }
    }
}
