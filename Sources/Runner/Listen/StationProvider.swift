public import Scenario

/// Where a provided station connects, and with what credentials.
public struct StationEndpoint: Sendable, Hashable {
    /// The full URL, identity included: `wss://127.0.0.1:41234/ocpp/CP-1`.
    public var url: String
    public var mode: SecurityMode
    /// The CA that signed the listener's certificate (wss).
    public var caFile: String?
    /// The station's client certificate and key (mutual TLS).
    public var clientCertificate: String?
    public var clientKey: String?
    /// The Basic Auth password (wss + Basic Auth).
    public var password: String?

    public init(url: String, mode: SecurityMode, caFile: String? = nil, clientCertificate: String? = nil,
                clientKey: String? = nil, password: String? = nil) {
        self.url = url
        self.mode = mode
        self.caFile = caFile
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.password = password
    }
}

/// Stations the run brings itself (the built-in emulator), connected to the runner's own loopback listeners; the
/// seam between the runner and the emulator.
public protocol StationProvider: Sendable {
    /// Connects station `identity` to `endpoint`, closing its previous connection first if it has one. Returns once the
    /// attempt is under way; the runner waits for the connection to arrive.
    func connect(identity: String, endpoint: StationEndpoint) async throws
    /// Performs the physical acts of its stations (plug, unplug, …), in-process.
    var performer: any ActionPerformer { get }
    /// Stops every station.
    func stop() async
}
