import Foundation
public import Scenario
public import WebSocket

/// The three loopback listeners a run against the emulator opens (ws; wss + Basic Auth; wss + mutual TLS), with a
/// throwaway PKI and passwords made on the fly in a directory.
public struct LoopbackListeners: Sendable {
    /// The listeners to open (port 0: free ports).
    public let configurations: [ListenerConfiguration]
    /// The files made.
    public let pki: PKI.Files
    /// The Basic Auth password of each station.
    public let passwords: [String: String]

    /// Makes certificates for `stations` in `directory` and the listener configurations.
    public init(directory: String, stations: [String]) throws(PKIError) {
        pki = try PKI.initialize(directory: directory, hosts: ["127.0.0.1", "localhost"], stations: stations)
        var passwords: [String: String] = [:]
        for station in stations { passwords[station] = "cc-" + UUID().uuidString.lowercased().prefix(16) }
        self.passwords = passwords
        let store = CredentialStore(passwords.mapValues { AuthorizationKey.plain($0) })
        let basicTLS = TLSServerConfiguration(certificatePath: pki.serverCertificate, privateKeyPath: pki.serverKey)
        let mutualTLS = TLSServerConfiguration(certificatePath: pki.serverCertificate, privateKeyPath: pki.serverKey,
                                               clientCAPath: pki.caCertificate)
        configurations = [
            ListenerConfiguration(scheme: "ws", host: "127.0.0.1", port: 0, pathPrefix: "/ocpp"),
            ListenerConfiguration(scheme: "wss", host: "127.0.0.1", port: 0, pathPrefix: "/ocpp", tls: basicTLS,
                                  basicAuth: BasicAuthConfiguration(credentials: store)),
            ListenerConfiguration(scheme: "wss", host: "127.0.0.1", port: 0, pathPrefix: "/ocpp", tls: mutualTLS),
        ]
    }

    /// Where `identity` connects in `mode`, given the listener URL for that mode.
    public func endpoint(identity: String, mode: SecurityMode, listenerURL: String) -> StationEndpoint {
        switch mode {
        case .ws: return StationEndpoint(listenerURL: listenerURL, identity: identity, mode: mode)
        case .wssBasic:
            return StationEndpoint(listenerURL: listenerURL, identity: identity, mode: mode, caFile: pki.caCertificate,
                                   password: passwords[identity])
        case .wssMTLS:
            return StationEndpoint(listenerURL: listenerURL, identity: identity, mode: mode, caFile: pki.caCertificate,
                                   clientCertificate: pki.stationCertificates[identity], clientKey: pki.stationKeys[identity])
        }
    }
}
