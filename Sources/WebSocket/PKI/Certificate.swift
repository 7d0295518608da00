import COpenSSL
import Glibc

/// An X.509 certificate (`X509`).
public final class Certificate: @unchecked Sendable {
    // Thread-safety: immutable after it is built and signed.
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { X509_free(pointer) }

    /// The subject in RFC 2253 form, "CN=CP001,O=Chargecheck".
    public var subject: String { X509Names.oneLine(X509_get_subject_name(pointer)) ?? "" }

    /// The subject's common name.
    public var commonName: String? { X509Names.commonName(X509_get_subject_name(pointer)) }

    /// Reads the first certificate of a PEM file.
    public static func read(from path: String) throws(PKIError) -> Certificate {
        try PEMFile.reading(path) { bio throws(PKIError) in
            guard let certificate = PEM_read_bio_X509(bio, nil, nil, nil) else { throw PKIError("read certificate \(path)") }
            return Certificate(owning: certificate)
        }
    }

    /// Writes the certificate as PEM.
    public func write(to path: String) throws(PKIError) {
        try PEMFile.writing(path) { bio throws(PKIError) in
            guard PEM_write_bio_X509(bio, pointer) == 1 else { throw PKIError("write \(path)") }
        }
    }

    /// Builds and signs a certificate. `issuer` nil makes it self-signed with `key`.
    static func build(subject: [(String, String)], key: PrivateKey, issuer: (Certificate, PrivateKey)?,
                      validDays: Int, extensions: [(Int32, String)]) throws(PKIError) -> Certificate {
        guard let x509 = X509_new() else { throw PKIError("X509_new") }
        let certificate = Certificate(owning: x509)
        guard X509_set_version(x509, 2) == 1 else { throw PKIError("set certificate version") }
        let serial = UInt64.random(in: 1...UInt64(Int64.max))
        guard ASN1_INTEGER_set_uint64(X509_get_serialNumber(x509), serial) == 1 else { throw PKIError("set serial number") }
        X509_gmtime_adj(X509_getm_notBefore(x509), -3600)
        X509_gmtime_adj(X509_getm_notAfter(x509), validDays * 86_400)
        guard let name = X509_NAME_new() else { throw PKIError("X509_NAME_new") }
        defer { X509_NAME_free(name) }
        for (field, value) in subject {
            guard X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, value, -1, -1, 0) == 1 else {
                throw PKIError("add \(field)=\(value) to the subject")
            }
        }
        guard X509_set_subject_name(x509, name) == 1 else { throw PKIError("set subject") }
        let issuerCertificate = issuer?.0.pointer ?? x509
        guard X509_set_issuer_name(x509, X509_get_subject_name(issuerCertificate)) == 1 else { throw PKIError("set issuer") }
        guard X509_set_pubkey(x509, key.pointer) == 1 else { throw PKIError("set public key") }
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuerCertificate, x509, nil, nil, 0)
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw PKIError("make extension \(String(cString: OBJ_nid2sn(nid))) = \(value)")
            }
            defer { X509_EXTENSION_free(ext) }
            guard X509_add_ext(x509, ext, -1) == 1 else { throw PKIError("add extension \(value)") }
        }
        guard X509_sign(x509, (issuer?.1 ?? key).pointer, EVP_sha256()) > 0 else { throw PKIError("sign certificate") }
        return certificate
    }
}
