/// Which side of the connection plays which part.
public enum OCPPRole: String, Sendable, Hashable, CaseIterable {
    /// The charging station (the "charge point" in OCPP 1.6).
    case chargePoint
    /// The backend (the "central system" in OCPP 1.6).
    case centralSystem

    /// The other side.
    public var peer: OCPPRole { self == .chargePoint ? .centralSystem : .chargePoint }

    /// Name for messages: "charge point" or "central system".
    public var displayName: String { self == .chargePoint ? "charge point" : "central system" }
}

/// Who may send an action's request.
public enum OCPPDirection: String, Sendable, Hashable {
    /// The charge point sends the request; the central system answers.
    case chargePointToCentralSystem
    /// The central system sends the request; the charge point answers.
    case centralSystemToChargePoint
    /// Either side may send it (DataTransfer).
    case both

    /// Whether `role` may send this action's request.
    public func canBeInitiated(by role: OCPPRole) -> Bool {
        switch self {
        case .both: true
        case .chargePointToCentralSystem: role == .chargePoint
        case .centralSystemToChargePoint: role == .centralSystem
        }
    }

    /// "charge point → central system" and the like, for docs and messages.
    public var displayName: String {
        switch self {
        case .chargePointToCentralSystem: "charge point → central system"
        case .centralSystemToChargePoint: "central system → charge point"
        case .both: "both directions"
        }
    }
}

/// The feature profiles of OCPP 1.6, plus the security extension (the 1.6 Security Whitepaper).
public enum FeatureProfile: String, Sendable, Hashable, CaseIterable {
    case core = "Core"
    case firmwareManagement = "FirmwareManagement"
    case localAuthListManagement = "LocalAuthListManagement"
    case reservation = "Reservation"
    case smartCharging = "SmartCharging"
    case remoteTrigger = "RemoteTrigger"
    case security = "Security"
}

/// Whether a payload is an action's request (in a CALL) or its response (in a CALLRESULT).
public enum OCPPMessageKind: String, Sendable, Hashable {
    case request
    case response
}

/// One OCPP 1.6 action: who sends it, which profile it belongs to, and its request and response definitions.
public struct OCPPAction: Sendable {
    /// The action name on the wire, e.g. `BootNotification`.
    public let name: String
    /// Who sends the request.
    public let direction: OCPPDirection
    /// The feature profile that defines it.
    public let profile: FeatureProfile
    /// The CALL payload.
    public let request: OCPPObjectDefinition
    /// The CALLRESULT payload.
    public let response: OCPPObjectDefinition

    /// An action; the definitions are named `<name>.req` and `<name>.conf` as in the specification.
    public init(_ name: String, _ direction: OCPPDirection, _ profile: FeatureProfile,
                request: [OCPPField], response: [OCPPField]) {
        self.name = name
        self.direction = direction
        self.profile = profile
        self.request = OCPPObjectDefinition("\(name).req", request)
        self.response = OCPPObjectDefinition("\(name).conf", response)
    }

    /// The request or response definition.
    public func definition(_ kind: OCPPMessageKind) -> OCPPObjectDefinition {
        kind == .request ? request : response
    }
}
