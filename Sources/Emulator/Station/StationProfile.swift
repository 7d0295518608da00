/// What kind of station the emulator is: its identity fields, its hardware, its initial configuration and how it
/// behaves around connections. Every field has a realistic default.
public struct StationProfile: Sendable, Equatable {
    /// BootNotification's `chargePointVendor` (at most 20 characters).
    public var vendor: String
    /// BootNotification's `chargePointModel` (at most 20 characters).
    public var model: String
    /// BootNotification's `chargePointSerialNumber` (at most 25 characters).
    public var serialNumber: String
    /// BootNotification's `firmwareVersion` (at most 50 characters).
    public var firmwareVersion: String
    /// The number of connectors (1 or more), besides connector 0.
    public var connectorCount: Int
    /// The most a connector can deliver, in watts.
    public var maxPowerW: Double
    /// The most the simulated EV draws, in watts.
    public var evPowerW: Double
    /// Each connector's energy register when the station is made, in watt-hours.
    public var initialRegisterWh: Double
    /// Configuration keys set before the first boot, by name.
    public var configuration: [String: String]
    /// Whether a plain reconnect (not after a reset or power loss) sends BootNotification again. Most real stations
    /// do not.
    public var bootOnReconnect: Bool
    /// Whether a simulated driver plugs the EV in when a remote start is accepted on a connector without a cable,
    /// so that a central system alone can run whole sessions (the standalone emulator's default). Otherwise the
    /// station waits ConnectionTimeOut for the cable, as a real one does.
    public var plugsOnRemoteStart: Bool
    /// How long a reboot (Reset, power restore) takes, in seconds of run time.
    public var rebootSeconds: Int
    /// How late the `late-answers` fault answers, in seconds of run time.
    public var lateAnswerSeconds: Int

    public init(vendor: String = "Chargecheck", model: String = "Emulator-22kW", serialNumber: String = "CC-EMU-0001",
                firmwareVersion: String = "1.6.0-emu", connectorCount: Int = 2, maxPowerW: Double = 22_080,
                evPowerW: Double = 11_040, initialRegisterWh: Double = 100_000, configuration: [String: String] = [:],
                bootOnReconnect: Bool = false, plugsOnRemoteStart: Bool = false, rebootSeconds: Int = 10,
                lateAnswerSeconds: Int = 120) {
        self.vendor = vendor
        self.model = model
        self.serialNumber = serialNumber
        self.firmwareVersion = firmwareVersion
        self.connectorCount = max(1, connectorCount)
        self.maxPowerW = maxPowerW
        self.evPowerW = evPowerW
        self.initialRegisterWh = initialRegisterWh
        self.configuration = configuration
        self.bootOnReconnect = bootOnReconnect
        self.plugsOnRemoteStart = plugsOnRemoteStart
        self.rebootSeconds = rebootSeconds
        self.lateAnswerSeconds = lateAnswerSeconds
    }
}

extension StationProfile {
    /// The OCPP feature profiles the station reports in its `SupportedFeatureProfiles` key: the configured value if
    /// the profile sets one, else the emulator's own.
    public var supportedFeatureProfiles: [String] {
        let key = ConfigurationKey.supportedFeatureProfiles
        let value = configuration[key.rawValue] ?? key.definition(connectorCount: connectorCount).initialValue
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
