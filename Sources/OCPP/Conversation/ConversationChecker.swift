/// Follows one OCPP-J conversation (one connection, both directions) frame by frame and reports what breaks the rules:
/// unknown actions, CALLs from the wrong side, payload violations, uncorrelated or late responses, reused ids,
/// concurrent CALLs from one side, odd error codes, and at the end every CALL left unanswered.
///
/// Pure state, no I/O: the session feeds it live frames, `CheckTrace` feeds it a recorded trace.
public struct ConversationChecker: Sendable {
    /// What one frame revealed.
    public struct Observation: Sendable {
        /// The problems this frame shows.
        public var findings: [OCPPFinding] = []
        /// For a CALL its action; for a response the action of the CALL it answers (when known).
        public var action: String?
        /// The payload check of a CALL or CALLRESULT whose action is known.
        public var validation: ValidationReport?
        /// For a response: whether it answers a CALL that was outstanding (not expired, not unknown).
        public var answersOutstandingCall = false
    }

    /// The validator (and through it the catalog and the mode).
    public let validator: PayloadValidator
    /// CALLs waiting for their answer, per sender (normally at most one), with their text as evidence.
    var outstanding: [OCPPRole: [(id: String, action: String, raw: String)]] = [:]
    /// CALLs that timed out, per sender (without their text, so the memory stays small).
    var expired: [OCPPRole: [(id: String, action: String)]] = [:]
    var recentIds: [OCPPRole: RecentIds] = [:]
    /// Ids of malformed CALLs that OCPP-J says must be answered with a CALLERROR, per sender.
    var malformedAwaitingAnswer: [OCPPRole: [String]] = [:]

    /// How many expired calls and used ids are remembered per side (memory stays bounded on long connections).
    static let memory = 1024

    /// A checker judging payloads with `validator` (strict OCPP 1.6 by default).
    public init(validator: PayloadValidator = PayloadValidator()) {
        self.validator = validator
    }

    /// The CALL `sender` sent that is still waiting for its answer, if any.
    public func outstandingCall(from sender: OCPPRole) -> (id: String, action: String)? {
        outstanding[sender]?.first.map { ($0.id, $0.action) }
    }

    /// Records one well-formed frame sent by `sender`.
    public mutating func observe(_ parsed: ParsedFrame, raw: String, from sender: OCPPRole) -> Observation {
        switch parsed.frame {
        case .call(let id, let action, let payload):
            return observeCall(id: id, action: action, payload: payload, raw: raw, from: sender)
        case .callResult(let id, let payload):
            var observation = correlate(id: id, raw: raw, from: sender, typeName: "CALLRESULT")
            if let action = observation.action, let report = validator.validate(payload, action: action, .response),
               !report.violations.isEmpty {
                observation.validation = report
                observation.findings.append(schemaFinding(report, action: action, kind: .response, id: id, raw: raw, from: sender))
            } else if let action = observation.action {
                observation.validation = validator.validate(payload, action: action, .response)
            }
            return observation
        case .callError(let id, let code, _, _):
            var observation = correlate(id: id, raw: raw, from: sender, typeName: "CALLERROR")
            if parsed.omitsErrorDetails {
                observation.findings.append(OCPPFinding(.malformedFrame, .warning,
                    "the \(sender.displayName) sent a CALLERROR for \"\(id)\" with 4 elements, without the error details object; OCPP-J prescribes 5 (accepted in lenient mode)",
                    sender: sender, messageId: id, action: observation.action, raw: raw))
            }
            observation.findings += errorCodeFindings(code, spelling: parsed.errorCodeSpelling, action: observation.action,
                                                      id: id, raw: raw, from: sender)
            return observation
        }
    }

    /// Records a frame from `sender` that is not valid OCPP-J.
    public mutating func observeMalformed(raw: String, error: FrameError, from sender: OCPPRole) -> OCPPFinding {
        let reply = error.replyCode.map { "; the answer is a CALLERROR \($0.wireName)" } ?? ""
        if error.replyCode != nil, let id = error.messageId {
            malformedAwaitingAnswer[sender, default: []].append(id)
            if let count = malformedAwaitingAnswer[sender]?.count, count > Self.memory {
                malformedAwaitingAnswer[sender]?.removeFirst(count - Self.memory)
            }
        }
        return OCPPFinding(.malformedFrame, .error, "the \(sender.displayName) sent a frame that is not valid OCPP-J: \(error.message)\(reply)",
                           sender: sender, messageId: error.messageId, raw: raw)
    }

    /// Marks `sender`'s CALL `id` as timed out: it no longer blocks the next CALL, and a late answer is reported.
    public mutating func expire(callId id: String, from sender: OCPPRole) {
        guard let index = outstanding[sender]?.firstIndex(where: { $0.id == id }),
              let call = outstanding[sender]?.remove(at: index) else { return }
        expired[sender, default: []].append((call.id, call.action))
        if let count = expired[sender]?.count, count > Self.memory { expired[sender]?.removeFirst(count - Self.memory) }
    }

    /// Ends the conversation: every CALL still outstanding is reported as unanswered.
    public mutating func finish() -> [OCPPFinding] {
        var findings: [OCPPFinding] = []
        for role in OCPPRole.allCases {
            for call in outstanding[role] ?? [] {
                findings.append(OCPPFinding(.unansweredCall, .error,
                    "the \(role.peer.displayName) never answered the \(role.displayName)'s \(call.action) CALL \"\(call.id)\"",
                    sender: role.peer, messageId: call.id, action: call.action, raw: call.raw))
            }
            for id in malformedAwaitingAnswer[role] ?? [] {
                findings.append(OCPPFinding(.unansweredCall, .warning,
                    "the \(role.peer.displayName) never answered the \(role.displayName)'s malformed frame \"\(id)\" with the CALLERROR OCPP-J prescribes",
                    sender: role.peer, messageId: id))
            }
        }
        outstanding = [:]
        malformedAwaitingAnswer = [:]
        return findings
    }

    mutating func observeCall(id: String, action: String, payload: JSONValue, raw: String, from sender: OCPPRole) -> Observation {
        var observation = Observation()
        observation.action = action
        if let previous = outstanding[sender]?.first {
            observation.findings.append(OCPPFinding(.concurrentCall, .warning,
                "the \(sender.displayName) sent \(action) \"\(id)\" while its \(previous.action) \"\(previous.id)\" was unanswered (OCPP-J 1.6 §4.1.1: one CALL at a time per direction)",
                sender: sender, messageId: id, action: action, raw: raw))
        }
        if !recentIds[sender, default: RecentIds()].insert(id) {
            observation.findings.append(OCPPFinding(.duplicateMessageId, .warning,
                "the \(sender.displayName) reused the message id \"\(id)\" for \(action); message ids must be unique",
                sender: sender, messageId: id, action: action, raw: raw))
        }
        outstanding[sender, default: []].append((id, action, raw))
        guard let definition = validator.catalog[action] else {
            let suggestion = Suggestions.phrase(validator.catalog.suggestions(forAction: action))
            observation.findings.append(OCPPFinding(.unknownAction, .error,
                "the \(sender.displayName) sent \"\(Suggestions.abbreviated(action))\", which is not an OCPP 1.6 action\(suggestion)",
                sender: sender, messageId: id, action: action, raw: raw))
            return observation
        }
        if !definition.direction.canBeInitiated(by: sender) {
            observation.findings.append(OCPPFinding(.wrongDirection, .error,
                "the \(sender.displayName) sent \(action), which only the \(sender.peer.displayName) may send (\(definition.direction.displayName))",
                sender: sender, messageId: id, action: action, raw: raw))
        }
        let report = validator.validate(payload, against: definition.request)
        observation.validation = report
        if !report.violations.isEmpty {
            observation.findings.append(schemaFinding(report, action: action, kind: .request, id: id, raw: raw, from: sender))
        }
        return observation
    }

    /// Matches a response from `sender` to the CALL it answers (a CALL from the other side).
    mutating func correlate(id: String, raw: String, from sender: OCPPRole, typeName: String) -> Observation {
        var observation = Observation()
        let caller = sender.peer
        if let index = outstanding[caller]?.firstIndex(where: { $0.id == id }), let call = outstanding[caller]?.remove(at: index) {
            observation.action = call.action
            observation.answersOutstandingCall = true
        } else if let index = malformedAwaitingAnswer[caller]?.firstIndex(of: id) {
            malformedAwaitingAnswer[caller]?.remove(at: index)
        } else if let index = expired[caller]?.firstIndex(where: { $0.id == id }), let call = expired[caller]?.remove(at: index) {
            observation.action = call.action
            observation.findings.append(OCPPFinding(.lateResponse, .warning,
                "the \(sender.displayName) answered \(call.action) \"\(id)\" with a \(typeName) after the call had timed out",
                sender: sender, messageId: id, action: call.action, raw: raw))
        } else {
            observation.findings.append(OCPPFinding(.unexpectedResponse, .error,
                "the \(sender.displayName) sent a \(typeName) for \"\(id)\", which matches no outstanding CALL of the \(caller.displayName)",
                sender: sender, messageId: id, raw: raw))
        }
        return observation
    }

    func errorCodeFindings(_ code: OCPPErrorCode, spelling: OCPPErrorCode.SpellingVariant?, action: String?, id: String,
                           raw: String, from sender: OCPPRole) -> [OCPPFinding] {
        var findings: [OCPPFinding] = []
        let subject = action.map { "to \($0) \"\(id)\"" } ?? "\"\(id)\""
        if let spelling {
            findings.append(OCPPFinding(.errorCodeSpelling, .warning,
                "the \(sender.displayName) answered \(subject) with the error code \"\(spelling.received)\"; OCPP 1.6 spells it \"\(spelling.expected)\"",
                sender: sender, messageId: id, action: action, raw: raw))
        }
        switch code {
        case .unrecognized(let text):
            findings.append(OCPPFinding(.unrecognizedErrorCode, .error,
                "the \(sender.displayName) answered \(subject) with \"\(text)\", which is not an OCPP 1.6 error code",
                sender: sender, messageId: id, action: action, raw: raw))
        case .notImplemented where action.map { validator.catalog[$0] != nil } == true:
            findings.append(OCPPFinding(.errorCodeMixUp, .warning,
                "the \(sender.displayName) answered \(subject) with NotImplemented, which means the action is unknown; for a known but unsupported OCPP 1.6 action OCPP-J prescribes NotSupported",
                sender: sender, messageId: id, action: action, raw: raw))
        case .notSupported where action.map { validator.catalog[$0] == nil } == true:
            findings.append(OCPPFinding(.errorCodeMixUp, .warning,
                "the \(sender.displayName) answered \(subject) with NotSupported, which means the action is known; for an action outside OCPP 1.6 OCPP-J prescribes NotImplemented",
                sender: sender, messageId: id, action: action, raw: raw))
        default:
            break
        }
        return findings
    }

    func schemaFinding(_ report: ValidationReport, action: String, kind: OCPPMessageKind, id: String, raw: String,
                       from sender: OCPPRole) -> OCPPFinding {
        let what = kind == .request ? "\(action) request" : "\(action) response"
        let counts = report.isValid
            ? "\(report.warnings.count) deviation(s) accepted in lenient mode"
            : "\(report.errors.count) violation(s)"
        return OCPPFinding(.schemaViolation, report.isValid ? .warning : .error,
                           "the \(sender.displayName)'s \(what) \"\(id)\" breaks the OCPP 1.6 schema: \(counts)",
                           sender: sender, messageId: id, action: action, raw: raw, violations: report.violations)
    }

    /// The last `memory` message ids one side used, for spotting reuse with bounded memory.
    struct RecentIds: Sendable {
        var set: Set<String> = []
        var order: [String] = []
        var next = 0

        /// Adds `id`; false when it was already there.
        mutating func insert(_ id: String) -> Bool {
            guard !set.contains(id) else { return false }
            set.insert(id)
            if order.count < ConversationChecker.memory {
                order.append(id)
            } else {
                set.remove(order[next])
                order[next] = id
                next = (next + 1) % ConversationChecker.memory
            }
            return true
        }
    }
}
