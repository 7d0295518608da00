import Foundation
import OCPP

/// Whether a connector may be used (ChangeAvailability); it survives reboots.
enum Availability: String, Sendable {
    case operative = "Operative"
    case inoperative = "Inoperative"
}

/// A transaction running on a connector.
struct Transaction: Sendable {
    /// The station's own number for it, used until the central system's id is known.
    let localId: Int
    let idTag: String
    let start: Date
    let meterStartWh: Double
    let reservationId: Int?
    /// The group of the idTag, as the central system last said; a card of the same group may stop the transaction.
    var parentIdTag: String?
    /// Whether the central system refused the idTag in its StartTransaction answer.
    var deauthorized = false
    /// The meter values recorded for StopTransaction's `transactionData`.
    var recordedValues: [JSONValue] = []
}

/// An idTag authorized to start on a connector once the cable is plugged.
struct PendingAuthorization: Sendable {
    let idTag: String
    let reservationId: Int?
    let parentIdTag: String?
}

/// A reservation of a connector for an idTag (ReserveNow).
struct Reservation: Sendable {
    let id: Int
    let idTag: String
    let parentIdTag: String?
    let expiry: Date
}

/// One connector: what is physically going on, its transaction, its meter, what was last reported.
struct Connector: Sendable {
    let id: Int
    var plugged = false
    var fault: ChargePointErrorCode?
    var availability = Availability.operative
    /// An availability change requested during a transaction, applied when it ends.
    var scheduledAvailability: Availability?
    var reservation: Reservation?
    var pendingAuthorization: PendingAuthorization?
    var transaction: Transaction?
    /// The transaction ended and the cable is still in.
    var finishing = false
    /// The energy register, in watt-hours.
    var registerWh: Double
    /// The power flowing now, in watts.
    var powerW = 0.0
    /// The power the station offers now (limited by charging profiles), in watts.
    var offeredW = 0.0
    /// The EV's state of charge, in percent.
    var stateOfCharge = 30.0
    /// The status (and error code) last sent in a StatusNotification, `nil` before the first one.
    var reported: (status: ConnectorStatus, errorCode: ChargePointErrorCode)?

    init(id: Int, registerWh: Double) {
        self.id = id
        self.registerWh = registerWh
    }

    /// The status that follows from the connector's state (connector 0 uses `stationStatus`).
    var status: ConnectorStatus {
        if fault != nil { return .faulted }
        if let transaction {
            if !plugged || stateOfCharge >= 100 { return .suspendedEV }
            if transaction.deauthorized || offeredW <= 0 { return .suspendedEVSE }
            return .charging
        }
        if availability == .inoperative { return .unavailable }
        if reservation != nil { return .reserved }
        if finishing && plugged { return .finishing }
        if plugged || pendingAuthorization != nil { return .preparing }
        return .available
    }

    /// The status of connector 0, the station as a whole.
    var stationStatus: ConnectorStatus {
        if fault != nil { return .faulted }
        return availability == .inoperative ? .unavailable : .available
    }

    /// Whether a new transaction or reservation could begin here.
    var isFree: Bool {
        fault == nil && availability == .operative && transaction == nil
    }
}
