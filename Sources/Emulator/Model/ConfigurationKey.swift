/// The configuration keys the emulator knows: the core profile's, and those of the optional profiles it implements.
enum ConfigurationKey: String, CaseIterable, Sendable {
    case allowOfflineTxForUnknownId = "AllowOfflineTxForUnknownId"
    case authorizationCacheEnabled = "AuthorizationCacheEnabled"
    case authorizeRemoteTxRequests = "AuthorizeRemoteTxRequests"
    case blinkRepeat = "BlinkRepeat"
    case clockAlignedDataInterval = "ClockAlignedDataInterval"
    case connectionTimeOut = "ConnectionTimeOut"
    case connectorPhaseRotation = "ConnectorPhaseRotation"
    case connectorPhaseRotationMaxLength = "ConnectorPhaseRotationMaxLength"
    case getConfigurationMaxKeys = "GetConfigurationMaxKeys"
    case heartbeatInterval = "HeartbeatInterval"
    case lightIntensity = "LightIntensity"
    case localAuthorizeOffline = "LocalAuthorizeOffline"
    case localPreAuthorize = "LocalPreAuthorize"
    case maxEnergyOnInvalidId = "MaxEnergyOnInvalidId"
    case meterValuesAlignedData = "MeterValuesAlignedData"
    case meterValuesAlignedDataMaxLength = "MeterValuesAlignedDataMaxLength"
    case meterValuesSampledData = "MeterValuesSampledData"
    case meterValuesSampledDataMaxLength = "MeterValuesSampledDataMaxLength"
    case meterValueSampleInterval = "MeterValueSampleInterval"
    case minimumStatusDuration = "MinimumStatusDuration"
    case numberOfConnectors = "NumberOfConnectors"
    case resetRetries = "ResetRetries"
    case stopTransactionOnEVSideDisconnect = "StopTransactionOnEVSideDisconnect"
    case stopTransactionOnInvalidId = "StopTransactionOnInvalidId"
    case stopTxnAlignedData = "StopTxnAlignedData"
    case stopTxnAlignedDataMaxLength = "StopTxnAlignedDataMaxLength"
    case stopTxnSampledData = "StopTxnSampledData"
    case stopTxnSampledDataMaxLength = "StopTxnSampledDataMaxLength"
    case supportedFeatureProfiles = "SupportedFeatureProfiles"
    case supportedFeatureProfilesMaxLength = "SupportedFeatureProfilesMaxLength"
    case transactionMessageAttempts = "TransactionMessageAttempts"
    case transactionMessageRetryInterval = "TransactionMessageRetryInterval"
    case unlockConnectorOnEVSideDisconnect = "UnlockConnectorOnEVSideDisconnect"
    case webSocketPingInterval = "WebSocketPingInterval"
    // Local auth list management.
    case localAuthListEnabled = "LocalAuthListEnabled"
    case localAuthListMaxLength = "LocalAuthListMaxLength"
    case sendLocalListMaxLength = "SendLocalListMaxLength"
    // Reservation.
    case reserveConnectorZeroSupported = "ReserveConnectorZeroSupported"
    // Smart charging.
    case chargeProfileMaxStackLevel = "ChargeProfileMaxStackLevel"
    case chargingScheduleAllowedChargingRateUnit = "ChargingScheduleAllowedChargingRateUnit"
    case chargingScheduleMaxPeriods = "ChargingScheduleMaxPeriods"
    case connectorSwitch3to1PhaseSupported = "ConnectorSwitch3to1PhaseSupported"
    case maxChargingProfilesInstalled = "MaxChargingProfilesInstalled"

    /// What values a key takes.
    enum Kind: Sendable, Equatable {
        case boolean
        case integer(ClosedRange<Int>)
        /// A comma-separated list of measurands, at most as many as the value of the paired `…MaxLength` key.
        case measurands(maxLength: ConfigurationKey)
        /// A comma-separated list of free items.
        case list
    }

    /// How the key behaves: its kind, whether it is read-only, whether a change needs a reboot, its initial value.
    struct Definition: Sendable {
        let kind: Kind
        let readOnly: Bool
        let rebootRequired: Bool
        let initialValue: String
    }

    /// The definition of this key for a station with `connectorCount` connectors.
    func definition(connectorCount: Int) -> Definition {
        let seconds = Kind.integer(0...86_400)
        switch self {
        case .allowOfflineTxForUnknownId: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "false")
        case .authorizationCacheEnabled: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "true")
        case .authorizeRemoteTxRequests: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "false")
        case .blinkRepeat: return .init(kind: .integer(0...100), readOnly: false, rebootRequired: false, initialValue: "3")
        case .clockAlignedDataInterval: return .init(kind: seconds, readOnly: false, rebootRequired: false, initialValue: "0")
        case .connectionTimeOut: return .init(kind: .integer(1...3_600), readOnly: false, rebootRequired: false, initialValue: "60")
        case .connectorPhaseRotation:
            let rotation = (0...connectorCount).map { "\($0).RST" }.joined(separator: ",")
            return .init(kind: .list, readOnly: false, rebootRequired: false, initialValue: rotation)
        case .connectorPhaseRotationMaxLength, .meterValuesAlignedDataMaxLength, .meterValuesSampledDataMaxLength,
            .stopTxnAlignedDataMaxLength, .stopTxnSampledDataMaxLength, .supportedFeatureProfilesMaxLength:
            return .init(kind: .integer(0...100), readOnly: true, rebootRequired: false, initialValue: "8")
        case .getConfigurationMaxKeys: return .init(kind: .integer(0...100), readOnly: true, rebootRequired: false, initialValue: "64")
        case .heartbeatInterval: return .init(kind: seconds, readOnly: false, rebootRequired: false, initialValue: "300")
        case .lightIntensity: return .init(kind: .integer(0...100), readOnly: false, rebootRequired: false, initialValue: "80")
        case .localAuthorizeOffline: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "true")
        case .localPreAuthorize: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "false")
        case .maxEnergyOnInvalidId: return .init(kind: .integer(0...1_000_000), readOnly: false, rebootRequired: false, initialValue: "0")
        case .meterValuesAlignedData:
            return .init(kind: .measurands(maxLength: .meterValuesAlignedDataMaxLength), readOnly: false, rebootRequired: false,
                         initialValue: "Energy.Active.Import.Register")
        case .meterValuesSampledData:
            return .init(kind: .measurands(maxLength: .meterValuesSampledDataMaxLength), readOnly: false, rebootRequired: false,
                         initialValue: "Energy.Active.Import.Register,Power.Active.Import")
        case .meterValueSampleInterval: return .init(kind: seconds, readOnly: false, rebootRequired: false, initialValue: "60")
        case .minimumStatusDuration: return .init(kind: seconds, readOnly: false, rebootRequired: false, initialValue: "0")
        case .numberOfConnectors: return .init(kind: .integer(0...100), readOnly: true, rebootRequired: false, initialValue: "\(connectorCount)")
        case .resetRetries: return .init(kind: .integer(0...10), readOnly: false, rebootRequired: false, initialValue: "1")
        case .stopTransactionOnEVSideDisconnect: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "true")
        case .stopTransactionOnInvalidId: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "true")
        case .stopTxnAlignedData:
            return .init(kind: .measurands(maxLength: .stopTxnAlignedDataMaxLength), readOnly: false, rebootRequired: false, initialValue: "")
        case .stopTxnSampledData:
            return .init(kind: .measurands(maxLength: .stopTxnSampledDataMaxLength), readOnly: false, rebootRequired: false,
                         initialValue: "Energy.Active.Import.Register")
        case .supportedFeatureProfiles:
            return .init(kind: .list, readOnly: true, rebootRequired: false,
                         initialValue: "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger")
        case .transactionMessageAttempts: return .init(kind: .integer(0...10), readOnly: false, rebootRequired: false, initialValue: "3")
        case .transactionMessageRetryInterval: return .init(kind: seconds, readOnly: false, rebootRequired: false, initialValue: "30")
        case .unlockConnectorOnEVSideDisconnect: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "true")
        case .webSocketPingInterval: return .init(kind: seconds, readOnly: false, rebootRequired: true, initialValue: "0")
        case .localAuthListEnabled: return .init(kind: .boolean, readOnly: false, rebootRequired: false, initialValue: "true")
        case .localAuthListMaxLength: return .init(kind: .integer(0...10_000), readOnly: true, rebootRequired: false, initialValue: "1000")
        case .sendLocalListMaxLength: return .init(kind: .integer(0...10_000), readOnly: true, rebootRequired: false, initialValue: "100")
        case .reserveConnectorZeroSupported: return .init(kind: .boolean, readOnly: true, rebootRequired: false, initialValue: "false")
        case .chargeProfileMaxStackLevel: return .init(kind: .integer(0...100), readOnly: true, rebootRequired: false, initialValue: "10")
        case .chargingScheduleAllowedChargingRateUnit:
            return .init(kind: .list, readOnly: true, rebootRequired: false, initialValue: "Current,Power")
        case .chargingScheduleMaxPeriods: return .init(kind: .integer(0...1_000), readOnly: true, rebootRequired: false, initialValue: "24")
        case .connectorSwitch3to1PhaseSupported: return .init(kind: .boolean, readOnly: true, rebootRequired: false, initialValue: "false")
        case .maxChargingProfilesInstalled: return .init(kind: .integer(0...100), readOnly: true, rebootRequired: false, initialValue: "20")
        }
    }
}
