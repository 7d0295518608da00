import Foundation
import OCPP

/// A CALL the station has queued for the central system.
struct OutgoingMessage: Sendable {
    /// What the station does with the answer beyond the message itself.
    enum Context: Sendable {
        case none
        /// An Authorize on behalf of a driver (`remote` false) or of a RemoteStartTransaction (`remote` true).
        case authorize(connector: Int?, remote: Bool)
    }

    let id: Int
    let action: String
    var payload: JSONObject
    /// The station's local number of the transaction whose central-system id goes into `transactionId` at send time.
    let transaction: Int?
    /// Transaction messages (StartTransaction, StopTransaction, a transaction's MeterValues) survive connection
    /// loss and are retried; the others are dropped when the connection goes.
    let transactional: Bool
    /// Sent because TriggerMessage asked for it (allowed while registration is Pending).
    let triggered: Bool
    let context: Context
    var attempts = 0
    /// The earliest time of the next attempt, after a failed one.
    var notBefore: Date?
}

/// A CALL ready to go on the wire.
struct OutgoingCall: Sendable, Equatable {
    /// The outbox id to quote when reporting the answer.
    let id: Int
    let action: String
    let payload: JSONValue
}

/// Why a CALL the station sent got no CALLRESULT.
enum CallFailure: Sendable, Equatable {
    /// The central system answered with a CALLERROR.
    case callError(code: String)
    /// No answer within the station's deadline.
    case timeout
    /// The connection went before the answer came.
    case connectionLost
}
