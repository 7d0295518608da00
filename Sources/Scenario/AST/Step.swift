public import YAML

/// One step of a scenario. The set of kinds is closed, so the interpreter is one `switch` over ``Kind``.
public struct Step: Sendable, Hashable {
    /// What the step does.
    public indirect enum Kind: Sendable, Hashable {
        /// `send:` a CALL from the central system to the station, and a check of its answer.
        case send(Send)
        /// `expect:` a CALL from the station, checked, captured and answered.
        case expect(Expect)
        /// `wait:` let time pass (the station's CALLs are still answered).
        case wait(Duration)
        /// `hold:` the connection must stay up for a time, heartbeats on time.
        case hold(Hold)
        /// `expect-disconnect:` the station must close the connection (e.g. after Reset) within the bound.
        case expectDisconnect(within: Duration)
        /// `expect-reconnect:` the station must connect again within the bound; the session continues on it.
        case expectReconnect(within: Duration)
        /// `expect-none:` no CALL of this action (or none at all) for a time.
        case expectNone(ExpectNone)
        /// `action:` a physical act: done by the emulator, prompted to an operator or a hook on a live station.
        case action(PhysicalAction)
        /// `any-order:` every child step must pass, in whatever order the station's messages come.
        case anyOrder([Step])
        /// `repeat:` the child steps, a number of times or once per value of a list.
        case repeating(Repeat)
        /// `assert:` an expression over captured values must be true.
        case assert(Assertion)
        /// `log:` a line in the report.
        case log(Interpolation)
    }

    public var kind: Kind
    /// `name:` a label for reports.
    public var name: String?
    /// Where the step starts in its file.
    public var location: Location

    public init(_ kind: Kind, name: String? = nil, location: Location) {
        self.kind = kind
        self.name = name
        self.location = location
    }

    /// The verb as written in files (`send`, `expect-none`, …).
    public var verb: String {
        switch kind {
        case .send: "send"
        case .expect: "expect"
        case .wait: "wait"
        case .hold: "hold"
        case .expectDisconnect: "expect-disconnect"
        case .expectReconnect: "expect-reconnect"
        case .expectNone: "expect-none"
        case .action: "action"
        case .anyOrder: "any-order"
        case .repeating: "repeat"
        case .assert: "assert"
        case .log: "log"
        }
    }

    /// The OCPP action a `send`, `expect` or `expect-none` names.
    public var action: String? {
        switch kind {
        case .send(let send): send.action
        case .expect(let expect): expect.action
        case .expectNone(let none): none.action
        default: nil
        }
    }

    /// The child steps of a group.
    public var children: [Step] {
        switch kind {
        case .anyOrder(let steps): steps
        case .repeating(let repetition): repetition.steps
        default: []
        }
    }

    /// Calls `body` on this step and every step nested in it, depth first.
    public func forEach(_ body: (Step) -> Void) {
        var pending = [self]
        while let step = pending.popLast() {
            body(step)
            pending.append(contentsOf: step.children.reversed())
        }
    }
}

/// `send: Action` with `with:` payload, checks on the CALLRESULT (`match:`) or the CALLERROR (`match-error:`).
public struct Send: Sendable, Hashable {
    public var action: String
    /// `with:` the request payload.
    public var payload: Template
    /// `match:` pattern for the CALLRESULT payload; `nil` accepts any valid one.
    public var match: Matcher?
    /// `match-error:` the station must answer with a CALLERROR matching this pattern over
    /// `{code, description, details}`; `nil` means a CALLERROR fails the step.
    public var matchError: Matcher?
    /// `capture:` values to keep; expressions see `payload` (what was sent) and `result` (the CALLRESULT payload).
    public var captures: [Capture]
    /// `within:` how long the station has to answer.
    public var within: Duration
    /// `invalid: true` a deliberately invalid request (negative test): not validated before sending.
    public var invalid: Bool

    public init(action: String, payload: Template, match: Matcher? = nil, matchError: Matcher? = nil, captures: [Capture] = [], within: Duration = Defaults.sendWithin, invalid: Bool = false) {
        self.action = action
        self.payload = payload
        self.match = match
        self.matchError = matchError
        self.captures = captures
        self.within = within
        self.invalid = invalid
    }
}

/// `expect: Action`: the station must send this CALL within the bound.
public struct Expect: Sendable, Hashable {
    public var action: String
    /// `match:` pattern for the request payload; `nil` accepts any valid one.
    public var match: Matcher?
    /// `capture:` values to keep; expressions see `payload` (the request) and `reply` (what was answered).
    public var captures: [Capture]
    /// How to answer; `nil` falls back to the scenario's `replies`, then to the default reply.
    public var reply: Reply?
    /// `within:` how long to wait.
    public var within: Duration
    /// `optional: true` the message may not come; the step then passes when the bound ends (or the next step's
    /// message arrives first).
    public var optional: Bool

    public init(action: String, match: Matcher? = nil, captures: [Capture] = [], reply: Reply? = nil, within: Duration = Defaults.expectWithin, optional: Bool = false) {
        self.action = action
        self.match = match
        self.captures = captures
        self.reply = reply
        self.within = within
        self.optional = optional
    }
}

/// How the central system answers a station CALL: `reply:`, `reply-error:`, `no-reply:`, `reply-raw:`, with
/// `reply-after:` for a late answer.
public struct Reply: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A CALLRESULT with this payload (templates see `payload`, the request).
        case result(Template)
        /// A CALLERROR.
        case error(code: String, description: Interpolation, details: Template)
        /// No answer at all.
        case none
        /// This exact text as the frame (a malformed answer, for negative tests).
        case raw(Interpolation)
    }

    public var kind: Kind
    /// `reply-after:` wait this long before answering.
    public var delay: Duration?
    public var location: Location

    public init(_ kind: Kind, delay: Duration? = nil, location: Location) {
        self.kind = kind
        self.delay = delay
        self.location = location
    }
}

/// `capture: {name: expression}`: a value to keep for later steps.
public struct Capture: Sendable, Hashable {
    public var name: String
    public var expression: Expression
    public var location: Location

    public init(name: String, expression: Expression, location: Location) {
        self.name = name
        self.expression = expression
        self.location = location
    }
}

/// `hold: 10m`: the connection stays up; heartbeats arrive every `heartbeat-interval` (± `tolerance`).
public struct Hold: Sendable, Hashable {
    public var duration: Duration
    /// `heartbeat-interval:`; `nil` uses the interval agreed at boot (the BootNotification reply's `interval`).
    public var heartbeatInterval: Duration?
    /// `tolerance:` lateness allowed for each heartbeat; `nil` uses the runner's default.
    public var tolerance: Duration?

    public init(duration: Duration, heartbeatInterval: Duration? = nil, tolerance: Duration? = nil) {
        self.duration = duration
        self.heartbeatInterval = heartbeatInterval
        self.tolerance = tolerance
    }
}

/// `expect-none: Action` (or `any`) `for: 30s`, with an optional `match:` narrowing what is forbidden.
public struct ExpectNone: Sendable, Hashable {
    /// The action that must not come; `nil` for any CALL.
    public var action: String?
    public var match: Matcher?
    public var duration: Duration

    public init(action: String?, match: Matcher? = nil, duration: Duration) {
        self.action = action
        self.match = match
        self.duration = duration
    }
}

/// `action: plug` with its parameters: a physical act on the station.
public struct PhysicalAction: Sendable, Hashable {
    /// The acts a scenario can ask for.
    public enum Act: String, Sendable, Hashable, CaseIterable {
        case plug, unplug
        case presentCard = "present-card"
        case fault
        case clearFault = "clear-fault"
        case powerCycle = "power-cycle"
        case pressStop = "press-stop"
    }

    public var act: Act
    /// `connector:` which connector (default 1).
    public var connector: Template?
    /// `id-tag:` the card for `present-card`.
    public var idTag: Template?
    /// `error-code:` the OCPP ChargePointErrorCode for `fault`.
    public var errorCode: Template?
    /// `prompt:` the instruction shown to an operator; `nil` lets the runner word it from the act.
    public var prompt: Interpolation?
    /// `within:` how long the operator or hook has.
    public var within: Duration

    public init(act: Act, connector: Template? = nil, idTag: Template? = nil, errorCode: Template? = nil, prompt: Interpolation? = nil, within: Duration = Defaults.actionWithin) {
        self.act = act
        self.connector = connector
        self.idTag = idTag
        self.errorCode = errorCode
        self.prompt = prompt
        self.within = within
    }
}

/// `repeat:` child steps, `times: N` or `for-each: {name: list}`.
public struct Repeat: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        /// Run the steps this many times (a template evaluating to an integer); the variable `iteration` counts from 1.
        case times(Template)
        /// Run the steps once per element, bound to the variable.
        case forEach(variable: String, values: Template)
    }

    public var mode: Mode
    public var steps: [Step]

    public init(mode: Mode, steps: [Step]) {
        self.mode = mode
        self.steps = steps
    }
}

/// `assert: expression` with an optional `message:`.
public struct Assertion: Sendable, Hashable {
    public var expression: Expression
    public var message: Interpolation?

    public init(expression: Expression, message: Interpolation? = nil) {
        self.expression = expression
        self.message = message
    }
}
