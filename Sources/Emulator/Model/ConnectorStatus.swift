/// The status of a connector as OCPP 1.6 StatusNotification reports it.
public enum ConnectorStatus: String, Sendable, CaseIterable {
    case available = "Available"
    case preparing = "Preparing"
    case charging = "Charging"
    case suspendedEV = "SuspendedEV"
    case suspendedEVSE = "SuspendedEVSE"
    case finishing = "Finishing"
    case reserved = "Reserved"
    case unavailable = "Unavailable"
    case faulted = "Faulted"
}

/// The error code of a StatusNotification; anything other than `noError` comes with a fault.
public enum ChargePointErrorCode: String, Sendable, CaseIterable {
    case connectorLockFailure = "ConnectorLockFailure"
    case evCommunicationError = "EVCommunicationError"
    case groundFailure = "GroundFailure"
    case highTemperature = "HighTemperature"
    case internalError = "InternalError"
    case localListConflict = "LocalListConflict"
    case noError = "NoError"
    case otherError = "OtherError"
    case overCurrentFailure = "OverCurrentFailure"
    case overVoltage = "OverVoltage"
    case powerMeterFailure = "PowerMeterFailure"
    case powerSwitchFailure = "PowerSwitchFailure"
    case readerFailure = "ReaderFailure"
    case resetFailure = "ResetFailure"
    case underVoltage = "UnderVoltage"
    case weakSignal = "WeakSignal"
}

/// Why a transaction ended, as StopTransaction's `reason` says it.
public enum StopReason: String, Sendable, CaseIterable {
    case emergencyStop = "EmergencyStop"
    case evDisconnected = "EVDisconnected"
    case hardReset = "HardReset"
    case local = "Local"
    case other = "Other"
    case powerLoss = "PowerLoss"
    case reboot = "Reboot"
    case remote = "Remote"
    case softReset = "SoftReset"
    case unlockCommand = "UnlockCommand"
    case deAuthorized = "DeAuthorized"
}

/// Whether the central system has accepted the station, as the last BootNotification answer said.
public enum RegistrationStatus: String, Sendable {
    /// No BootNotification answered yet since the station (re)started.
    case unknown = "Unknown"
    case accepted = "Accepted"
    case pending = "Pending"
    case rejected = "Rejected"
}
