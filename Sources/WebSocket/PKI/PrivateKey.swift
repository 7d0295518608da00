import COpenSSL
import Glibc

/// An EC P-256 key pair (`EVP_PKEY`).
public final class PrivateKey: @unchecked Sendable {
    // Thread-safety: the key is immutable after creation; OpenSSL allows concurrent signing with one EVP_PKEY.
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// A fresh P-256 key.
    public static func generate() throws(PKIError) -> PrivateKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else { throw PKIError("create EC key context") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_group_name(context, "P-256") == 1 else {
            throw PKIError("set up P-256 key generation")
        }
        var key: OpaquePointer?
        guard EVP_PKEY_generate(context, &key) == 1, let key else { throw PKIError("generate P-256 key") }
        return PrivateKey(owning: key)
    }

    /// Reads a PEM private key file.
    public static func read(from path: String) throws(PKIError) -> PrivateKey {
        try PEMFile.reading(path) { bio throws(PKIError) in
            guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else { throw PKIError("read private key \(path)") }
            return PrivateKey(owning: key)
        }
    }

    /// Writes the key as unencrypted PKCS#8 PEM, readable by the owner only.
    public func write(to path: String) throws(PKIError) {
        try PEMFile.writing(path) { bio throws(PKIError) in
            guard PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil) == 1 else { throw PKIError("write \(path)") }
        }
        _ = chmod(path, 0o600)
    }
}
