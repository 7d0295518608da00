import Foundation
public import OCPP
public import Scenario

/// One station's run: who it is, how it connected, what each scenario gave, and every frame exchanged.
public struct StationResult: Sendable, Hashable {
    /// The charge point identity (the last path segment of the URL it connected to).
    public var identity: String
    /// What the station said about itself in its first BootNotification (vendor, model, serial, firmware), if it sent one.
    public var bootNotification: JSONValue?
    /// Every connection it made, in order (a Reset makes a new one); of a long history the first and the last 50.
    public var connections: [ConnectionRecord]
    /// How many connections it made between the first and the last 50 listed in ``connections``.
    public var unlistedConnections: Int
    /// One result per selected scenario, in run order.
    public var scenarios: [ScenarioResult]
    /// Protocol findings of its sessions (malformed frames, unanswered CALLs, wrong error codes, …), in order.
    public var findings: [OCPPFinding]
    /// The verdict of each suite run against it, with its coverage matrix.
    public var suites: [SuiteVerdict]
    /// Every frame in and out and every connection event of this station, in order, with timestamps: the
    /// material of sequence diagrams, connector status timelines and meter charts.
    public var trace: [TraceRecord]

    public init(identity: String, bootNotification: JSONValue? = nil, connections: [ConnectionRecord] = [],
                unlistedConnections: Int = 0, scenarios: [ScenarioResult] = [], findings: [OCPPFinding] = [], suites: [SuiteVerdict] = [],
                trace: [TraceRecord] = []) {
        self.identity = identity
        self.bootNotification = bootNotification
        self.connections = connections
        self.unlistedConnections = unlistedConnections
        self.scenarios = scenarios
        self.findings = findings
        self.suites = suites
        self.trace = trace
    }

    /// Whether this station passed: no scenario counts as a failure and every suite verdict passed.
    public var passed: Bool {
        !scenarios.contains { $0.countsAsFailure } && suites.allSatisfy(\.passed)
    }

    /// The trace records with sequence numbers in `range` (e.g. one scenario's or one step's frames).
    public func trace(in range: ClosedRange<Int>) -> [TraceRecord] {
        trace.filter { range.contains($0.sequence) }
    }
}

/// One WebSocket connection of a station, and how it was secured.
public struct ConnectionRecord: Sendable, Hashable {
    /// The id the trace records of this connection carry.
    public var connectionId: String
    /// The connection mode (ws, wss + Basic Auth, wss + mutual TLS); `nil` for a connection in none of the three
    /// (wss without client authentication, Basic Auth over plain ws).
    public var mode: SecurityMode?
    /// The security in words (`ws`, `wss (Basic Auth)`, `wss (client certificate)`, `wss (no client authentication)`).
    public var security: String
    /// The listener URL it came through.
    public var listener: String
    /// The peer's address (`host:port`).
    public var peer: String
    /// The URL path it asked for.
    public var path: String
    /// The WebSocket subprotocol agreed (`ocpp1.6`), `nil` when none was.
    public var subprotocol: String?
    /// The TLS version and cipher (`TLSv1.3 TLS_AES_256_GCM_SHA384`), `nil` for ws.
    public var tls: String?
    /// The subject of the client certificate (mutual TLS).
    public var clientCertificate: String?
    /// The Basic Auth user name (never the password).
    public var basicAuthUser: String?
    /// Remarks about the handshake (a missing subprotocol, a hex-encoded Basic Auth key, …).
    public var notes: [String]
    /// When it opened and closed (`nil` while open).
    public var opened: Date
    public var closed: Date?
    /// How it closed (`closed (code 1000)`, `dropped (no close code, connection reset)`), `nil` while open.
    public var closure: String?

    public init(connectionId: String, mode: SecurityMode?, security: String, listener: String, peer: String, path: String,
                subprotocol: String? = nil, tls: String? = nil, clientCertificate: String? = nil,
                basicAuthUser: String? = nil, notes: [String] = [], opened: Date, closed: Date? = nil,
                closure: String? = nil) {
        self.connectionId = connectionId
        self.mode = mode
        self.security = security
        self.listener = listener
        self.peer = peer
        self.path = path
        self.subprotocol = subprotocol
        self.tls = tls
        self.clientCertificate = clientCertificate
        self.basicAuthUser = basicAuthUser
        self.notes = notes
        self.opened = opened
        self.closed = closed
        self.closure = closure
    }
}
