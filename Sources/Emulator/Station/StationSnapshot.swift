/// The state of an emulated station at one moment.
public struct StationSnapshot: Sendable, Equatable {
    /// The charge point identity (the last segment of its URL).
    public let identity: String
    /// Whether the WebSocket connection to the central system is open.
    public let connected: Bool
    /// Whether the station has power.
    public let powered: Bool
    /// What the last BootNotification answer said.
    public let registration: RegistrationStatus
    /// Connector 0 (the station) first, then connectors 1…N.
    public let connectors: [ConnectorSnapshot]
    /// CALLs queued or awaiting their answer.
    public let pendingMessages: Int

    /// Connector `id`, `nil` when there is none.
    public func connector(_ id: Int) -> ConnectorSnapshot? {
        connectors.indices.contains(id) ? connectors[id] : nil
    }
}

/// The state of one connector.
public struct ConnectorSnapshot: Sendable, Equatable {
    public let id: Int
    public let status: ConnectorStatus
    public let errorCode: ChargePointErrorCode
    public let plugged: Bool
    /// The central system's id of the running transaction, once StartTransaction was answered.
    public let transactionId: Int?
    /// The idTag of the running transaction, or of an authorization waiting for the cable.
    public let idTag: String?
    /// The energy register as the meter reports it, in watt-hours.
    public let meterWh: Int
    /// The power flowing, in watts.
    public let powerW: Double
    public let reservationId: Int?
}
