/// TLS settings of a ``WebSocketServer`` (wss://). TLS 1.2 and 1.3 only.
public struct TLSServerConfiguration: Sendable {
    /// PEM file with the server certificate, optionally followed by intermediates.
    public var certificatePath: String
    /// PEM file with the server's private key.
    public var privateKeyPath: String
    /// PEM file with the CA that signs station certificates. When set, every client must present a certificate
    /// that chains to it (mutual TLS, OCPP security profile 3).
    public var clientCAPath: String?
    /// With mutual TLS: require the client certificate's CN to equal the charge point identity in the URL.
    public var requireCommonNameMatchesIdentity: Bool

    /// Server certificate and key; a client CA turns on mutual TLS.
    public init(certificatePath: String, privateKeyPath: String, clientCAPath: String? = nil,
                requireCommonNameMatchesIdentity: Bool = false) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.clientCAPath = clientCAPath
        self.requireCommonNameMatchesIdentity = requireCommonNameMatchesIdentity
    }
}

/// TLS settings of a ``WebSocketClient`` for wss:// URLs.
public struct TLSClientConfiguration: Sendable, Hashable {
    /// PEM file with the CA(s) the server certificate must chain to; `nil` uses the system's default trust store.
    public var caFile: String?
    /// Check that the server certificate names the URL's host (DNS name or IP address).
    public var verifyHostname: Bool
    /// Skip all server certificate checks. For labs only.
    public var insecure: Bool
    /// PEM file with the client certificate (mutual TLS).
    public var certificatePath: String?
    /// PEM file with the client certificate's private key.
    public var privateKeyPath: String?

    /// Verification against `caFile` with hostname check by default; a certificate and key for mutual TLS.
    public init(caFile: String? = nil, verifyHostname: Bool = true, insecure: Bool = false,
                certificatePath: String? = nil, privateKeyPath: String? = nil) {
        self.caFile = caFile
        self.verifyHostname = verifyHostname
        self.insecure = insecure
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
    }
}

/// A TLS configuration that OpenSSL refused (unreadable file, key not matching the certificate, ...).
public struct TLSSetupError: Error, CustomStringConvertible, Sendable {
    /// OpenSSL's reason, with the file concerned.
    public var message: String
    public var description: String { "TLS setup failed: \(message)" }
}
