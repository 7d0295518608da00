import COpenSSL
import CTLSShim
import Glibc

/// An `SSL_CTX` configured for one server or one client configuration.
final class TLSContext: @unchecked Sendable {
    // Thread-safety: the SSL_CTX is fully configured in `init` and afterwards only used to create SSL objects,
    // which OpenSSL allows from any thread.
    let context: OpaquePointer
    let isServer: Bool
    let clientConfiguration: TLSClientConfiguration?

    /// The TLS 1.2 suites of OCPP's security whitepaper (TLS 1.3 keeps OpenSSL's defaults).
    static let tls12Ciphers = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
        "AES128-GCM-SHA256", "AES256-GCM-SHA384",
    ].joined(separator: ":")

    private init(method: OpaquePointer?, isServer: Bool, client: TLSClientConfiguration?) throws(TLSSetupError) {
        guard let context = SSL_CTX_new(method) else { throw TLSSetupError(message: OpenSSLErrors.drain(or: "SSL_CTX_new failed")) }
        self.context = context
        self.isServer = isServer
        self.clientConfiguration = client
        _ = ctls_ctx_set_min_proto_version(context, TLS1_2_VERSION)
        _ = SSL_CTX_set_options(context, ctls_op_no_compression() | ctls_op_no_renegotiation())
        _ = ctls_ctx_set_mode(context, Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_ENABLE_PARTIAL_WRITE))
        _ = SSL_CTX_set_cipher_list(context, Self.tls12Ciphers)
    }

    deinit { SSL_CTX_free(context) }

    static func server(_ configuration: TLSServerConfiguration) throws(TLSSetupError) -> TLSContext {
        let tls = try TLSContext(method: TLS_server_method(), isServer: true, client: nil)
        try tls.loadIdentity(certificate: configuration.certificatePath, key: configuration.privateKeyPath)
        if let caPath = configuration.clientCAPath {
            guard SSL_CTX_load_verify_locations(tls.context, caPath, nil) == 1 else {
                throw TLSSetupError(message: "cannot load client CA \(caPath): \(OpenSSLErrors.drain())")
            }
            if let names = SSL_load_client_CA_file(caPath) { SSL_CTX_set_client_CA_list(tls.context, names) }
            SSL_CTX_set_verify(tls.context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
        return tls
    }

    static func client(_ configuration: TLSClientConfiguration) throws(TLSSetupError) -> TLSContext {
        let tls = try TLSContext(method: TLS_client_method(), isServer: false, client: configuration)
        if configuration.insecure {
            SSL_CTX_set_verify(tls.context, SSL_VERIFY_NONE, nil)
        } else {
            let loaded = configuration.caFile.map { SSL_CTX_load_verify_locations(tls.context, $0, nil) }
                ?? SSL_CTX_set_default_verify_paths(tls.context)
            guard loaded == 1 else {
                throw TLSSetupError(message: "cannot load CA file \(configuration.caFile ?? "(system)"): \(OpenSSLErrors.drain())")
            }
            SSL_CTX_set_verify(tls.context, SSL_VERIFY_PEER, nil)
        }
        if let certificate = configuration.certificatePath {
            try tls.loadIdentity(certificate: certificate, key: configuration.privateKeyPath ?? certificate)
        }
        return tls
    }

    private func loadIdentity(certificate: String, key: String) throws(TLSSetupError) {
        guard SSL_CTX_use_certificate_chain_file(context, certificate) == 1 else {
            throw TLSSetupError(message: "cannot load certificate \(certificate): \(OpenSSLErrors.drain())")
        }
        guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else {
            throw TLSSetupError(message: "cannot load private key \(key): \(OpenSSLErrors.drain())")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw TLSSetupError(message: "private key \(key) does not match certificate \(certificate)")
        }
    }

    /// A new TLS session on `fd`; `host` sets SNI and the hostname check for clients.
    func makeSession(fd: Int32, host: String?) -> TLSSession? {
        guard let ssl = SSL_new(context) else { return nil }
        SSL_set_fd(ssl, fd)
        if isServer {
            SSL_set_accept_state(ssl)
        } else {
            SSL_set_connect_state(ssl)
            if let host {
                let isIPAddress = Self.isIPAddress(host)
                if !isIPAddress { _ = ctls_set_tlsext_host_name(ssl, host) }
                if let client = clientConfiguration, client.verifyHostname, !client.insecure {
                    if isIPAddress {
                        _ = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
                    } else {
                        _ = SSL_set1_host(ssl, host)
                    }
                }
            }
        }
        return TLSSession(ssl: ssl)
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
    }
}
