import Foundation
import OCPP

/// How the emulated station secures its connection to the central system: the OCPP security profiles as a client.
public struct EmulatorSecurity: Sendable, Equatable {
    /// The password sent with HTTP Basic Auth (user: the station identity); `nil` sends none.
    public var basicAuthPassword: String?
    /// The CA certificate (PEM file) the central system's certificate must chain to, for wss:// URLs; `nil` uses
    /// the system's trust store.
    public var caFile: String?
    /// Accept any server certificate and host name (for lab set-ups with throwaway certificates).
    public var insecure: Bool
    /// The station's client certificate and key (PEM files), for mutual TLS.
    public var clientCertificate: String?
    public var clientKey: String?

    public init(basicAuthPassword: String? = nil, caFile: String? = nil, insecure: Bool = false,
                clientCertificate: String? = nil, clientKey: String? = nil) {
        self.basicAuthPassword = basicAuthPassword
        self.caFile = caFile
        self.insecure = insecure
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
    }

    /// ws:// or wss:// with no credentials (security profile 0, or server-authenticated TLS).
    public static let none = EmulatorSecurity()

    /// HTTP Basic Auth with `password` (profile 1 over ws://, profile 2 over wss:// with `caFile`).
    public static func basic(password: String, caFile: String? = nil) -> EmulatorSecurity {
        EmulatorSecurity(basicAuthPassword: password, caFile: caFile)
    }

    /// TLS checking the server against `caFile`, no client credentials.
    public static func tls(caFile: String?) -> EmulatorSecurity {
        EmulatorSecurity(caFile: caFile)
    }

    /// Mutual TLS: the server checked against `caFile`, the station presenting `certificate` and `key`
    /// (security profile 3).
    public static func mutualTLS(caFile: String?, certificate: String, key: String) -> EmulatorSecurity {
        EmulatorSecurity(caFile: caFile, clientCertificate: certificate, clientKey: key)
    }
}

/// Everything an emulated station needs to run.
public struct EmulatorConfiguration: Sendable {
    /// The charge point identity, appended to `centralSystemURL` as the last path segment.
    public var identity: String
    /// The central system's ws:// or wss:// URL without the identity, e.g. `ws://127.0.0.1:9000/ocpp`.
    public var centralSystemURL: String
    public var security: EmulatorSecurity
    /// Identity fields, hardware, initial configuration.
    public var profile: StationProfile
    /// The ways to misbehave on purpose; empty for a well-behaved station.
    public var faults: Set<FaultProfile>
    /// Where all of the station's time comes from (the runner's scaled clock).
    public var clock: any RunClock
    /// How long the station waits for the answer to each of its CALLs, in run time.
    public var callTimeout: Duration
    /// The recorder of every frame in and out; `nil` records nothing.
    public var trace: TraceRecorder?

    public init(identity: String, centralSystemURL: String, security: EmulatorSecurity = .none,
                profile: StationProfile = StationProfile(), faults: Set<FaultProfile> = [],
                clock: any RunClock = ScaledClock(), callTimeout: Duration = .seconds(30), trace: TraceRecorder? = nil) {
        self.identity = identity
        self.centralSystemURL = centralSystemURL
        self.security = security
        self.profile = profile
        self.faults = faults
        self.clock = clock
        self.callTimeout = callTimeout
        self.trace = trace
    }

    /// The URL the station connects to: the central system's URL with the identity as the last segment.
    public var stationURL: String {
        let encoded = identity.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? identity
        return centralSystemURL.hasSuffix("/") ? centralSystemURL + encoded : centralSystemURL + "/" + encoded
    }
}
