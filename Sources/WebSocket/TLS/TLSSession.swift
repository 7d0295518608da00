import COpenSSL
import Glibc

/// One `SSL*`, owned by the loop thread of its channel.
final class TLSSession {
    enum Progress {
        case done(Int)
        case wantRead
        case wantWrite
        case closed
        case failed(String)
    }

    private let ssl: OpaquePointer

    init(ssl: OpaquePointer) { self.ssl = ssl }

    deinit { SSL_free(ssl) }

    func handshake() -> Progress {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        return result == 1 ? .done(0) : progress(for: result)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Progress {
        ERR_clear_error()
        let result = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        return result > 0 ? .done(Int(result)) : progress(for: result)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Progress {
        ERR_clear_error()
        let result = SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count))
        return result > 0 ? .done(Int(result)) : progress(for: result)
    }

    /// Sends close_notify once, without waiting for the peer's.
    func shutdown() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    private func progress(for result: Int32) -> Progress {
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL:
            let queued = OpenSSLErrors.drain()
            if !queued.isEmpty { return .failed(queued) }
            return errno == 0 || result == 0 ? .closed : .failed(String(cString: strerror(errno)))
        default:
            var message = OpenSSLErrors.drain(or: "TLS error \(code)")
            let verify = SSL_get_verify_result(ssl)
            if verify != X509_V_OK, let text = openSSLString(X509_verify_cert_error_string(verify)) {
                message += " (certificate: \(text))"
            }
            return .failed(message)
        }
    }

    /// Version, cipher and peer certificate of the established session.
    var details: TLSDetails {
        var details = TLSDetails(version: openSSLString(SSL_get_version(ssl)) ?? "?",
                                 cipher: openSSLString(SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) ?? "?")
        if let certificate = SSL_get1_peer_certificate(ssl) {
            defer { X509_free(certificate) }
            let name = X509_get_subject_name(certificate)
            details.peerCertificateSubject = X509Names.oneLine(name)
            details.peerCommonName = X509Names.commonName(name)
        }
        return details
    }
}
