public import Scenario

/// Where a provided station connects, and with what credentials.
public struct StationEndpoint: Sendable, Hashable {
    /// The listener URL without the identity: `wss://127.0.0.1:41234/ocpp/`.
    public var listenerURL: String
    /// The station identity, the URL's last path segment.
    public var identity: String
    public var mode: SecurityMode
    /// The CA that signed the listener's certificate (wss).
    public var caFile: String?
    /// The station's client certificate and key (mutual TLS).
    public var clientCertificate: String?
    public var clientKey: String?
    /// The Basic Auth password (wss + Basic Auth).
    public var password: String?

    public init(listenerURL: String, identity: String, mode: SecurityMode, caFile: String? = nil, clientCertificate: String? = nil,
                clientKey: String? = nil, password: String? = nil) {
        self.listenerURL = listenerURL
        self.identity = identity
        self.mode = mode
        self.caFile = caFile
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.password = password
    }
}

extension StationEndpoint {
    /// The full URL, identity included: `wss://127.0.0.1:41234/ocpp/CP-1`.
    public var url: String { listenerURL + identity }
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
