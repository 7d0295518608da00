/// Something done to the station in the physical world: by a scenario's `action` step, or by the control API.
public enum PhysicalAction: Sendable, Hashable, CustomStringConvertible {
    /// The EV's cable is plugged into connector `connector` (1-based).
    case plug(connector: Int)
    /// The cable is pulled out of connector `connector`.
    case unplug(connector: Int)
    /// A driver holds a card with `idTag` to the reader; `connector` says where, `nil` lets the station choose.
    case presentIdTag(String, connector: Int?)
    /// The driver presses the stop button of `connector`: its transaction ends with reason Local.
    case pressStop(connector: Int)
    /// The hardware of `connector` (0 for the whole station) reports a fault with `errorCode`.
    case raiseFault(connector: Int, errorCode: ChargePointErrorCode)
    /// The fault of `connector` clears.
    case clearFault(connector: Int)
    /// The station's network goes (a cable pulled, a modem down): the connection drops and reconnect attempts fail
    /// until the network returns; the station keeps working offline.
    case networkLoss
    /// The network returns: the station reconnects at its next attempt.
    case networkRestore
    /// The station loses its mains power: the connection drops, nothing runs until power returns.
    case powerLoss
    /// Power returns: the station starts up, stops the interrupted transactions with `PowerLoss` and boots.
    case powerRestore

    public var description: String {
        switch self {
        case .plug(let connector): "plug connector \(connector)"
        case .unplug(let connector): "unplug connector \(connector)"
        case .presentIdTag(let tag, let connector):
            connector.map { "present idTag \(tag) at connector \($0)" } ?? "present idTag \(tag)"
        case .pressStop(let connector): "press stop on connector \(connector)"
        case .raiseFault(let connector, let code): "raise fault \(code.rawValue) on connector \(connector)"
        case .clearFault(let connector): "clear fault on connector \(connector)"
        case .networkLoss: "network loss"
        case .networkRestore: "network restore"
        case .powerLoss: "power loss"
        case .powerRestore: "power restore"
        }
    }
}

/// Why a physical action could not be done; the message says what to change.
public struct PhysicalActionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The action refused.
    public let action: PhysicalAction
    /// What stood in the way.
    public let reason: String

    public init(action: PhysicalAction, reason: String) {
        self.action = action
        self.reason = reason
    }

    public var description: String { "cannot \(action): \(reason)" }
}
