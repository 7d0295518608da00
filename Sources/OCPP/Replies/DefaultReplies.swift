import Foundation
import Locking

/// The central system's answer to every charge point → central system action when nothing more specific is given:
/// BootNotification Accepted with an interval, Heartbeat the current time, Authorize Accepted, StartTransaction a
/// fresh transaction id, DataTransfer UnknownVendorId, an empty object for the notifications, ….
///
/// The layer above overrides any action with its own reply function.
public struct DefaultReplies: Sendable {
    /// Computes a reply payload from the request payload.
    public typealias Reply = @Sendable (_ request: JSONValue) -> JSONValue

    /// The heartbeat interval in seconds sent in the BootNotification answer.
    public var heartbeatInterval: Int
    /// Replies that replace the defaults, by action name.
    public var overrides: [String: Reply]
    /// The clock used for `currentTime` (the real clock unless a test fixes it).
    public var now: @Sendable () -> Date
    let transactionIds: TransactionIdSource

    /// Defaults with a heartbeat interval (seconds) and transaction ids counting up from `firstTransactionId`.
    public init(heartbeatInterval: Int = 300, firstTransactionId: Int = 1, overrides: [String: Reply] = [:],
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.heartbeatInterval = heartbeatInterval
        self.overrides = overrides
        self.now = now
        transactionIds = TransactionIdSource(next: firstTransactionId)
    }

    /// The actions that have a default reply: every action a charge point sends.
    public static let actions: [String] = [
        "Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
        "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification", "StopTransaction",
        "LogStatusNotification", "SecurityEventNotification", "SignCertificate", "SignedFirmwareStatusNotification",
    ]

    /// The reply to `action`'s `request`: the override if there is one, else the default; `nil` for an action the
    /// central system does not receive.
    public func reply(to action: String, request: JSONValue) -> JSONValue? {
        if let override = overrides[action] { return override(request) }
        let accepted: JSONValue = ["status": "Accepted"]
        switch action {
        case "Authorize": return ["idTagInfo": accepted]
        case "BootNotification":
            return ["status": "Accepted", "currentTime": .string(RFC3339.string(from: now())),
                    "interval": .integer(heartbeatInterval)]
        case "DataTransfer": return ["status": "UnknownVendorId"]
        case "Heartbeat": return ["currentTime": .string(RFC3339.string(from: now()))]
        case "StartTransaction": return ["transactionId": .integer(transactionIds.take()), "idTagInfo": accepted]
        case "StopTransaction": return request["idTag"] == nil ? [:] : ["idTagInfo": accepted]
        case "SignCertificate": return accepted
        case "DiagnosticsStatusNotification", "FirmwareStatusNotification", "MeterValues", "StatusNotification",
             "LogStatusNotification", "SecurityEventNotification", "SignedFirmwareStatusNotification":
            return [:]
        default: return nil
        }
    }
}

/// Hands out increasing transaction ids, shared by copies of one `DefaultReplies`.
final class TransactionIdSource: Sendable {
    let next: Locked<Int>

    init(next: Int) {
        self.next = Locked(next)
    }

    func take() -> Int {
        next.withLock { next in
            defer { next = next == Int.max ? 1 : next + 1 }
            return next
        }
    }
}

extension IncomingCall {
    /// Answers with `replies`' payload for this action; for an action without one, a CALLERROR NotSupported.
    @discardableResult
    public func respondWithDefault(_ replies: DefaultReplies) async throws(SessionError) -> ValidationReport {
        guard let payload = replies.reply(to: action, request: self.payload) else {
            try await respondError(.notSupported, description: "no default reply for \(action)")
            return .clean
        }
        return try await respond(payload)
    }
}
