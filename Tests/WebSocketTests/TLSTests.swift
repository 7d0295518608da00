import COpenSSL
import Glibc
import Testing
import WebSocket

/// wss:// refusals: mutual TLS without or with a foreign certificate, CN ≠ identity, TLS 1.1, untrusted server.
@Suite("TLS")
struct TLSTests {
    @Test("mTLS: a client without a certificate is refused and reported")
    func noClientCertificate() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        let server = try await WebSocketServer.start(.init(tls: certificates.server(mutual: true)))
        let error = await clientError {
            try await WebSocketClient.connect(to: "wss://localhost:\(server.port)/CP001", configuration: .init(tls: certificates.client()))
        }
        guard case .tlsFailed(_, let reason) = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("certificate required"))
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .tls)
        #expect(rejection.status == nil)
        #expect(rejection.reason.contains("peer did not return a certificate"))
        await server.shutdown()
    }

    @Test("mTLS: a client certificate from another CA is refused and reported")
    func foreignCertificate() async throws {
        let certificates = try Certificates()
        let rogue = try Certificates()
        defer { certificates.remove(); rogue.remove() }
        let server = try await WebSocketServer.start(.init(tls: certificates.server(mutual: true)))
        var tls = certificates.client()
        tls.certificatePath = rogue.files.stationCertificates["CP001"]
        tls.privateKeyPath = rogue.files.stationKeys["CP001"]
        let error = await clientError {
            try await WebSocketClient.connect(to: "wss://localhost:\(server.port)/CP001", configuration: .init(tls: tls))
        }
        guard case .tlsFailed(_, let reason) = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("unknown ca"))
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .tls)
        #expect(rejection.reason.contains("certificate verify failed"))
        await server.shutdown()
    }

    @Test("mTLS: a certificate whose CN is another station is refused with 403")
    func commonNameMismatch() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        let server = try await WebSocketServer.start(.init(tls: certificates.server(mutual: true, requireCommonName: true)))
        let error = await clientError {
            try await WebSocketClient.connect(to: "wss://localhost:\(server.port)/CP001",
                                              configuration: .init(tls: certificates.client(station: "CP002")))
        }
        guard case .rejected(403, let reason, _) = error else {
            Issue.record("expected 403, got \(String(describing: error))")
            return
        }
        #expect(reason == "client certificate CN \"CP002\" does not match the identity \"CP001\"")
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .certificate)
        #expect(rejection.tls?.peerCommonName == "CP002")
        await server.shutdown()
    }

    @Test("a client limited to TLS 1.1 is refused and reported")
    func tls11Refused() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        let server = try await WebSocketServer.start(.init(tls: certificates.server(mutual: false)))
        let port = server.port
        let clientResult = try await offPool { try LegacyTLSClient.handshake(port: port, maximumVersion: TLS1_1_VERSION) }
        #expect(clientResult.contains("alert protocol version") || clientResult.contains("unsupported protocol"),
                "client saw: \(clientResult)")
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .tls)
        #expect(rejection.reason.contains("unsupported protocol"))
        await server.shutdown()
    }

    @Test("a client limited to TLS 1.2 still gets one of the whitepaper's suites")
    func tls12Accepted() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        let server = try await WebSocketServer.start(.init(tls: certificates.server(mutual: false)))
        let port = server.port
        let clientResult = try await offPool { try LegacyTLSClient.handshake(port: port, maximumVersion: TLS1_2_VERSION) }
        #expect(clientResult == "ECDHE-ECDSA-AES256-GCM-SHA384" || clientResult == "ECDHE-ECDSA-AES128-GCM-SHA256")
        let rejection = try await server.nextRejection()
        #expect(rejection.stage == .disconnected, "TLS succeeded; the client left before sending a request")
        #expect(rejection.tls?.version == "TLSv1.2")
        await server.shutdown()
    }

    @Test("the client refuses a server certificate from an unknown CA unless told to be insecure")
    func serverVerification() async throws {
        let certificates = try Certificates()
        let other = try Certificates()
        defer { certificates.remove(); other.remove() }
        let server = try await WebSocketServer.start(.init(host: "127.0.0.1", tls: certificates.server(mutual: false)))
        let untrusted = await clientError {
            try await WebSocketClient.connect(to: "wss://localhost:\(server.port)/CP001", configuration: .init(tls: other.client()))
        }
        guard case .tlsFailed(_, let reason) = untrusted else {
            Issue.record("expected a TLS failure, got \(String(describing: untrusted))")
            return
        }
        #expect(reason.contains("certificate verify failed"))
        let insecure = try await WebSocketClient.connect(
            to: "wss://localhost:\(server.port)/CP001", configuration: .init(tls: TLSClientConfiguration(insecure: true)))
        #expect(insecure.info.security == .tls)
        await insecure.close()
        _ = try await server.nextRejection()
        _ = try await server.nextConnection()
        await server.shutdown()
    }

    @Test("the client refuses a server certificate that does not name the host it connected to")
    func hostnameMismatch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let authority = try PKI.makeAuthority()
        let (certificate, key) = try authority.issueServerCertificate(hosts: ["csms.example.org"])
        try certificate.write(to: directory.path + "/server.pem")
        try key.write(to: directory.path + "/server.key")
        try authority.certificate.write(to: directory.path + "/ca.pem")
        let server = try await WebSocketServer.start(.init(tls: TLSServerConfiguration(
            certificatePath: directory.path + "/server.pem", privateKeyPath: directory.path + "/server.key")))
        let error = await clientError {
            try await WebSocketClient.connect(to: "wss://localhost:\(server.port)/CP001",
                                              configuration: .init(tls: TLSClientConfiguration(caFile: directory.path + "/ca.pem")))
        }
        guard case .tlsFailed(_, let reason) = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("hostname mismatch"))
        _ = try await server.nextRejection()
        await server.shutdown()
    }
}

/// A blocking OpenSSL client with a capped protocol version, for the TLS 1.1 refusal.
enum LegacyTLSClient {
    /// Connects, runs the handshake and returns the negotiated cipher, or OpenSSL's error text.
    static func handshake(port: Int, maximumVersion: Int32) throws -> String {
        let socket = try RawSocket(port: port)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let context = SSL_CTX_new(TLS_client_method()) else { return "SSL_CTX_new failed" }
        defer { SSL_CTX_free(context) }
        // OpenSSL 3 refuses TLS 1.1 itself at security level 1; level 0 lets the client offer it.
        SSL_CTX_set_cipher_list(context, "DEFAULT:@SECLEVEL=0")
        SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(TLS1_VERSION), nil)
        SSL_CTX_ctrl(context, SSL_CTRL_SET_MAX_PROTO_VERSION, Int(maximumVersion), nil)
        guard let ssl = SSL_new(context) else { return "SSL_new failed" }
        defer { SSL_free(ssl) }
        SSL_set_fd(ssl, socket.fd)
        ERR_clear_error()
        if SSL_connect(ssl) == 1 { return String(cString: SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(ERR_get_error(), &text, text.count)
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
