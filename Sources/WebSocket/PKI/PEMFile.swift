import COpenSSL

/// A PEM file opened as an OpenSSL `BIO` for the length of one read or write.
enum PEMFile {
    /// Runs `body` with `path` open for reading.
    static func reading<T>(_ path: String, _ body: (OpaquePointer) throws(PKIError) -> T) throws(PKIError) -> T {
        try open(path, mode: "r", failing: "open", body)
    }

    /// Runs `body` with `path` created (or truncated) for writing.
    static func writing<T>(_ path: String, _ body: (OpaquePointer) throws(PKIError) -> T) throws(PKIError) -> T {
        try open(path, mode: "w", failing: "create", body)
    }

    private static func open<T>(_ path: String, mode: String, failing operation: String,
                                _ body: (OpaquePointer) throws(PKIError) -> T) throws(PKIError) -> T {
        guard let bio = BIO_new_file(path, mode) else { throw PKIError("\(operation) \(path)") }
        defer { BIO_free(bio) }
        return try body(bio)
    }
}
