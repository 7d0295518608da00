import Foundation
import OCPP
@testable import Emulator

/// Drives a `StationModel` in virtual time with a scripted central system: it sends what the station queues,
/// answers it, runs the timers the station asks for, and records everything.
struct ModelHarness {
    var model: StationModel
    private(set) var now = Date(timeIntervalSince1970: 1_764_000_000)
    private(set) var timers: [StationTimer: Date] = [:]
    /// Every CALL the station sent, in order.
    private(set) var sent: [OutgoingCall] = []
    /// Connection attempts asked for, with their delays.
    private(set) var connectRequests: [Duration] = []
    /// Disconnects asked for (`true` for abrupt drops).
    private(set) var disconnects: [Bool] = []
    private(set) var pendingConnect: Date?
    /// How the scripted central system answers BootNotification.
    var bootStatus = "Accepted"
    var bootInterval = 300
    /// idTags the central system refuses.
    var invalidTags: Set<String> = []
    /// Actions the central system answers with a CALLERROR.
    var failingActions: Set<String> = []
    /// Every strict-validation error in what the station sent: its CALLs and its answers to the central system.
    private(set) var violations: [String] = []
    private let validator = PayloadValidator(mode: .strict)
    /// While true, the station's CALLs stay queued until `takeCall`.
    var holdCalls = false
    /// While true, connection attempts fail.
    var networkDown = false
    private var nextTransactionId = 41

    init(profile: StationProfile = StationProfile(), faults: Set<FaultProfile> = [], identity: String = "CP-1") {
        model = StationModel(identity: identity, profile: profile, faults: faults)
    }

    /// Powers on, connects and lets the exchange settle.
    mutating func start() {
        model.powerOn(now)
        applyEffects()
        connectIfAsked()
    }

    /// Opens the connection if the station asked for one, even a delayed one.
    mutating func connectIfAsked() {
        guard pendingConnect != nil else { return }
        pendingConnect = nil
        if networkDown || !model.isNetworkUp {
            model.connectionLost(now)
            applyEffects()
            return
        }
        model.connectionOpened(now)
        deliver()
    }

    mutating func loseConnection() {
        model.connectionLost(now)
        applyEffects()
    }

    /// Sends and answers everything the station may send now.
    mutating func deliver() {
        applyEffects()
        while !holdCalls, let call = model.nextCall(now) {
            record(call)
            if failingActions.contains(call.action) {
                model.callFailed(call.id, .callError(code: "InternalError"), now: now)
            } else {
                model.callAnswered(call.id, payload: answer(call), now: now)
            }
            applyEffects()
        }
    }

    /// The station's next CALL, taken off its queue without an answer yet.
    mutating func takeCall() -> OutgoingCall? {
        applyEffects()
        let call = model.nextCall(now)
        if let call { record(call) }
        return call
    }

    mutating func answer(_ call: OutgoingCall, with payload: JSONValue) {
        model.callAnswered(call.id, payload: payload, now: now)
        deliver()
    }

    private mutating func record(_ call: OutgoingCall) {
        sent.append(call)
        check(call.payload, action: call.action, .request)
    }

    private mutating func check(_ payload: JSONValue, action: String, _ kind: OCPPMessageKind) {
        guard let report = validator.validate(payload, action: action, kind) else {
            violations.append("\(action): not in the catalog")
            return
        }
        violations += report.errors.map { "\(action) \(kind): \($0)" }
    }

    /// Replies that replace the scripted central system's answer to `action`.
    private var replyOverrides: [String: @Sendable (JSONValue) -> JSONValue] = [:]

    mutating func setReply(_ action: String, _ reply: @escaping @Sendable (JSONValue) -> JSONValue) {
        replyOverrides[action] = reply
    }

    private mutating func answer(_ call: OutgoingCall) -> JSONValue {
        if let override = replyOverrides[call.action] { return override(call.payload) }
        let time = JSONValue.string(OCPPTimestamp.text(now))
        switch call.action {
        case "BootNotification":
            return ["status": .string(bootStatus), "currentTime": time, "interval": .integer(bootInterval)]
        case "Heartbeat":
            return ["currentTime": time]
        case "Authorize":
            return ["idTagInfo": ["status": .string(tagStatus(call.payload["idTag"]))]]
        case "StartTransaction":
            nextTransactionId += 1
            return ["transactionId": .integer(nextTransactionId), "idTagInfo": ["status": .string(tagStatus(call.payload["idTag"]))]]
        default:
            return [:]
        }
    }

    private func tagStatus(_ tag: JSONValue?) -> String {
        tag?.stringValue.map { invalidTags.contains($0) ? "Invalid" : "Accepted" } ?? "Invalid"
    }

    /// A central system CALL, answered by the station; what it queues is delivered.
    @discardableResult
    mutating func call(_ action: String, _ payload: JSONValue) -> IncomingCallOutcome {
        let outcome = model.handle(action: action, payload: payload, now: now)
        if case .result(let answer) = outcome { check(answer, action: action, .response) }
        deliver()
        return outcome
    }

    /// The `status` of a central system CALL's answer, `nil` for a CALLERROR.
    mutating func status(of action: String, _ payload: JSONValue) -> String? {
        guard case .result(let answer) = call(action, payload) else { return nil }
        return answer["status"]?.stringValue
    }

    mutating func perform(_ action: PhysicalAction) throws {
        try model.perform(action, now: now)
        deliver()
    }

    /// Lets `seconds` of run time pass, running the timers (and the pending connection) that expire on the way.
    mutating func advance(seconds: Double) {
        let end = now.addingTimeInterval(seconds)
        while true {
            let dueTimer = timers.min { $0.value < $1.value }
            let nextDue = [dueTimer?.value, pendingConnect].compactMap { $0 }.min()
            guard let due = nextDue, due <= end else { break }
            now = max(now, due)
            if let pendingConnect, pendingConnect <= due {
                connectIfAsked()
                continue
            }
            guard let timer = dueTimer?.key else { break }
            timers[timer] = nil
            model.timerFired(timer, now: now)
            deliver()
        }
        now = end
        model.advance(to: now)
        deliver()
    }

    private mutating func applyEffects() {
        var effects = model.drainEffects()
        while !effects.isEmpty {
            for effect in effects {
                switch effect {
                case .startTimer(let timer, let after): timers[timer] = now.addingTimeInterval(after.seconds)
                case .cancelTimer(let timer): timers[timer] = nil
                case .connect(let after):
                    connectRequests.append(after)
                    pendingConnect = now.addingTimeInterval(after.seconds)
                case .disconnect(let abrupt):
                    disconnects.append(abrupt)
                    model.connectionLost(now)
                }
            }
            effects = model.drainEffects()
        }
    }

    // MARK: Reading what was sent

    /// The payloads of the CALLs `action` sent so far.
    func payloads(_ action: String) -> [JSONValue] {
        sent.filter { $0.action == action }.map(\.payload)
    }

    /// The statuses reported for `connector`, in order.
    func statuses(of connector: Int) -> [String] {
        payloads("StatusNotification").filter { $0["connectorId"] == .integer(connector) }.compactMap { $0["status"]?.stringValue }
    }

    /// The actions sent, in order.
    var actions: [String] { sent.map(\.action) }

    /// Forgets what was sent so far.
    mutating func clearSent() { sent.removeAll() }

    func connector(_ id: Int) -> ConnectorSnapshot? { model.snapshot.connector(id) }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
