import COpenSSL
import CTLSShim
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

/// Reading `X509_NAME`s.
enum X509Names {
    static func oneLine(_ name: OpaquePointer?) -> String? {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return nil }
        defer { BIO_free(bio) }
        guard X509_NAME_print_ex(bio, name, 0, ctls_xn_flag_rfc2253()) >= 0 else { return nil }
        var pointer: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &pointer)
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    static func commonName(_ name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
        guard let bytes = ASN1_STRING_get0_data(data) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(ASN1_STRING_length(data))), as: UTF8.self)
    }
}

/// What TLS a connection uses.
public struct TLSDetails: Sendable, Hashable {
    /// "TLSv1.3", "TLSv1.2".
    public var version: String
    /// OpenSSL's cipher name, e.g. "TLS_AES_256_GCM_SHA384".
    public var cipher: String
    /// The peer certificate's subject in RFC 2253 form, when the peer presented one.
    public var peerCertificateSubject: String?
    /// The peer certificate's common name.
    public var peerCommonName: String?
}
