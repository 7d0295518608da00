import Foundation
import OCPP
@testable import Report
import Runner
import Scenario
import YAML

/// Records one sample scenario: its steps with their frames and timings, against a shared station trace.
struct SampleScenarioRecorder {
    var trace: SampleTrace
    private(set) var steps: [StepResult] = []
    let file: String
    private var line = 14

    init(trace: SampleTrace, file: String) {
        self.trace = trace
        self.file = file
    }

    /// A step that passes; `frames` writes its frames and returns their sequence numbers.
    mutating func step(_ verb: String, _ action: String? = nil, phase: StepResult.Phase = .main, summary: String,
                       frames: (inout SampleTrace) -> [Int] = { _ in [] }) {
        record(verb, action, phase: phase, summary: summary, outcome: .passed, failure: nil, frames: frames)
    }

    /// A step that fails as `failure` says (its last frames are filled in from the trace).
    mutating func failingStep(_ verb: String, _ action: String?, summary: String, failure: StepFailure,
                              frames: (inout SampleTrace) -> [Int] = { _ in [] }) {
        record(verb, action, phase: .main, summary: summary, outcome: .failed, failure: failure, frames: frames)
    }

    /// A step not reached because an earlier one failed.
    mutating func notRun(_ verb: String, _ action: String?) {
        record(verb, action, phase: .main, summary: nil, outcome: .notRun, failure: nil) { _ in [] }
    }

    private mutating func record(_ verb: String, _ action: String?, phase: StepResult.Phase, summary: String?,
                                 outcome: StepOutcome, failure: StepFailure?,
                                 frames: (inout SampleTrace) -> [Int]) {
        let started = trace.now
        let sequences = frames(&trace)
        var failure = failure
        failure?.lastFrames = trace.last(4)
        let location = Location(file: file, line: line, column: 5)
        line += verb == "expect" ? 6 : 4
        steps.append(StepResult(verb: verb, action: action, location: location, phase: phase, summary: summary,
                                started: started, ended: trace.now, outcome: outcome, failure: failure,
                                traceSequences: sequences))
    }
}
