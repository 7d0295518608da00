/// Who is on the other end of a session and how the connection is secured.
public struct SessionInfo: Sendable, Hashable {
    /// A unique id of the connection (a station may reconnect; each connection gets a new id).
    public var connectionId: String
    /// The station's identity (the charge point id at the end of the URL).
    public var stationIdentity: String
    /// The side this session plays.
    public var role: OCPPRole
    /// How the connection is secured, in words: `ws`, `wss (server certificate, Basic Auth)`, `wss (client certificate)`.
    public var securityMode: String

    /// The info of one connection.
    public init(connectionId: String, stationIdentity: String, role: OCPPRole, securityMode: String = "ws") {
        self.connectionId = connectionId
        self.stationIdentity = stationIdentity
        self.role = role
        self.securityMode = securityMode
    }
}

/// How a session behaves.
public struct SessionConfiguration: Sendable {
    /// Strict or lenient payload checks.
    public var mode: ValidationMode
    /// The catalog (OCPP 1.6 by default).
    public var catalog: OCPPCatalog
    /// The deadline for the answer to our CALLs when `call` names none.
    public var defaultTimeout: Duration
    /// The run's clock: with one, CALL timeouts are run time on it, and every frame holds its time (see
    /// ``RunClock/holdTime()``) from sending until the receiving session has handled it. Without one (`nil`, the
    /// default), timeouts are real time.
    public var clock: (any RunClock)?
    /// Whether an incoming CALL whose payload has errors is answered at once with the CALLERROR OCPP-J prescribes
    /// (and not delivered). When false (the default) it is delivered with its validation, and the layer above decides.
    public var rejectsInvalidCalls: Bool
    /// The recorder of every frame in and out; `nil` records nothing.
    public var trace: TraceRecorder?
    /// Most of the peer's CALLs kept in `incomingCalls` while nobody reads them; further CALLs are answered at once
    /// with an InternalError CALLERROR, so a peer flooding CALLs cannot grow memory without bound.
    public var maximumQueuedIncomingCalls: Int
    /// Most of the peer's CALLs delivered and not yet answered (our answer not yet handed to the connection); one
    /// more closes the connection (1008) with a finding. OCPP-J lets a peer send one CALL at a time, so only a peer
    /// that floods gets here; the limit keeps it from piling up answers it never reads.
    public var maximumUnansweredIncomingCalls: Int
    /// Whether the session takes a hold on `clock` the moment it handles the close, for the first
    /// ``OCPPSession/waitUntilClosed(holdingTime:)`` to take over: whoever reads the incoming CALLs to their end and
    /// then acts on the close needs it, or a virtual clock could jump in between. False by default.
    public var holdsTimeWhenClosed = false

    /// A configuration; the defaults are strict OCPP 1.6, 30 s per CALL (real time, no clock), invalid CALLs
    /// delivered, no trace, 1,000 unread incoming CALLs and 100 unanswered ones at most.
    public init(mode: ValidationMode = .strict, catalog: OCPPCatalog = .v16, defaultTimeout: Duration = .seconds(30),
                clock: (any RunClock)? = nil, rejectsInvalidCalls: Bool = false, trace: TraceRecorder? = nil,
                maximumQueuedIncomingCalls: Int = 1_000, maximumUnansweredIncomingCalls: Int = 100) {
        self.mode = mode
        self.catalog = catalog
        self.defaultTimeout = defaultTimeout
        self.clock = clock
        self.rejectsInvalidCalls = rejectsInvalidCalls
        self.trace = trace
        self.maximumQueuedIncomingCalls = max(1, maximumQueuedIncomingCalls)
        self.maximumUnansweredIncomingCalls = max(1, maximumUnansweredIncomingCalls)
    }
}
