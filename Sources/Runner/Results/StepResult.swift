import Foundation
public import OCPP
public import Scenario
public import YAML

/// How one step went.
public struct StepResult: Sendable, Hashable {
    /// Which part of the scenario the step belongs to.
    public enum Phase: String, Sendable, Hashable, Codable {
        /// A step of a `uses:` precondition.
        case precondition
        /// A step of `steps:`.
        case main
        /// A step of `teardown:` (always runs).
        case teardown
    }

    /// The verb as written (`send`, `expect`, `any-order`, …), the step's `name:`, the action it names.
    public var verb: String
    public var name: String?
    public var action: String?
    /// Where the step is written (file:line:column).
    public var location: Location
    public var phase: Phase
    /// A line that says what the step did (`sent RemoteStartTransaction, got Accepted`, the `log:` text, the
    /// operator prompt shown).
    public var summary: String?
    public var started: Date
    public var ended: Date
    public var outcome: StepOutcome
    /// Why it failed, erred, was inconclusive or skipped; `nil` when it passed.
    public var failure: StepFailure? {
        get { boxedFailure?.value }
        set { boxedFailure = newValue.map(Boxed.init) }
    }
    /// ``failure``, on the heap (most steps pass: a long run keeps thousands of results).
    private var boxedFailure: Boxed<StepFailure>?
    /// The trace records this step sent or consumed (its CALL and response), by sequence number.
    public var traceSequences: [Int]
    /// For an `action` step: who performed it and how.
    public var physicalAction: ActionRecord? {
        get { boxedAction?.value }
        set { boxedAction = newValue.map(Boxed.init) }
    }
    private var boxedAction: Boxed<ActionRecord>?
    /// Nested results: the children of `any-order`, one ``StepResult`` per `repeat` iteration (verb `iteration`).
    public var children: [StepResult]
    /// Children that are not listed: the iterations of a long `repeat` between the first and the last few, all of
    /// which passed; `nil` when every child is listed.
    public var unlisted: UnlistedSteps?

    /// Nested steps a result summarises instead of listing them.
    public struct UnlistedSteps: Sendable, Hashable {
        /// How many children are listed before them.
        public var after: Int
        /// How many there are (each passed).
        public var count: Int

        public init(after: Int, count: Int) {
            self.after = after
            self.count = count
        }

        /// `1982 more iterations passed (not listed)`.
        public var description: String {
            "\(count) more iteration\(count == 1 ? "" : "s") passed (not listed)"
        }
    }

    public init(verb: String, name: String? = nil, action: String? = nil, location: Location, phase: Phase,
                summary: String? = nil, started: Date, ended: Date, outcome: StepOutcome, failure: StepFailure? = nil,
                traceSequences: [Int] = [], physicalAction: ActionRecord? = nil, children: [StepResult] = [],
                unlisted: UnlistedSteps? = nil) {
        self.verb = verb
        self.name = name
        self.action = action
        self.location = location
        self.phase = phase
        self.summary = summary
        self.started = started
        self.ended = ended
        self.outcome = outcome
        boxedFailure = failure.map(Boxed.init)
        self.traceSequences = traceSequences
        boxedAction = physicalAction.map(Boxed.init)
        self.children = children
        self.unlisted = unlisted
    }

    /// How long it took.
    public var duration: TimeInterval { ended.timeIntervalSince(started) }

    /// The trace records of this step and every nested step.
    public var allTraceSequences: [Int] {
        traceSequences + children.flatMap(\.allTraceSequences)
    }

    /// This step, or the first nested step, that failed, erred or was inconclusive.
    public var firstFailure: StepResult? {
        for child in children {
            if let found = child.firstFailure { return found }
        }
        switch outcome {
        case .failed, .error, .inconclusive, .interrupted: return self
        case .passed, .skipped, .notRun, .unsupported: return nil
        }
    }
}

/// Why a step did not pass: what was expected, what came instead, and the frames before it.
public struct StepFailure: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in a sentence (`expected StartTransaction within 60s, none came`).
    public var message: String
    /// What the step wanted, as written (the matcher summary, `a CALLRESULT`), when that helps.
    public var expected: String?
    /// What came instead (the payload, the CALLERROR, `nothing`), when something did.
    public var received: String?
    /// Field by field: JSON path, wanted, got.
    public var mismatches: [Mismatch]
    /// Schema violations (JSON path, rule, value) of the frame involved.
    public var violations: [Violation]
    /// The last frames of the station before the failure (newest last), for context.
    public var lastFrames: [TraceRecord]

    public init(message: String, expected: String? = nil, received: String? = nil, mismatches: [Mismatch] = [],
                violations: [Violation] = [], lastFrames: [TraceRecord] = []) {
        self.message = message
        self.expected = expected
        self.received = received
        self.mismatches = mismatches
        self.violations = violations
        self.lastFrames = lastFrames
    }

    /// The message, then one indented line per mismatch and violation.
    public var description: String {
        var lines = [message]
        lines += mismatches.map { "  \($0)" }
        lines += violations.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// How a physical act (plug, unplug, card, …) was carried out.
public struct ActionRecord: Sendable, Hashable {
    /// Who did it.
    public enum Performer: String, Sendable, Hashable, Codable {
        /// The built-in emulator, in-process.
        case emulator
        /// A person at the station, prompted on the terminal.
        case `operator`
        /// The `--action-hook` command.
        case hook
        /// Nobody: skipped (no operator, `--non-interactive`).
        case nobody
    }

    /// The act as written (`unplug`), the connector, idTag and error code used.
    public var act: String
    public var connector: Int?
    public var idTag: String?
    public var errorCode: String?
    /// The instruction shown or handed over ("Unplug the cable from connector 1").
    public var prompt: String
    public var performer: Performer
    /// For a hook: the command line, its exit status and its output (trimmed to a few kilobytes).
    public var command: String?
    public var exitStatus: Int32?
    public var output: String?

    public init(act: String, connector: Int? = nil, idTag: String? = nil, errorCode: String? = nil, prompt: String,
                performer: Performer, command: String? = nil, exitStatus: Int32? = nil, output: String? = nil) {
        self.act = act
        self.connector = connector
        self.idTag = idTag
        self.errorCode = errorCode
        self.prompt = prompt
        self.performer = performer
        self.command = command
        self.exitStatus = exitStatus
        self.output = output
    }
}
