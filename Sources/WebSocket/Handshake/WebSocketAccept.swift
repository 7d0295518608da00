import COpenSSL

/// The `Sec-WebSocket-Accept` value: base64(SHA-1(key + GUID)) (RFC 6455 §4.2.2).
enum WebSocketAccept {
    static let guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    static func value(forKey key: String) -> String {
        let input = Array((key + guid).utf8)
        var digest = [UInt8](repeating: 0, count: 20)
        var length: UInt32 = 0
        _ = EVP_Digest(input, input.count, &digest, &length, EVP_sha1(), nil)
        return Base64.encode(digest.prefix(Int(length)))
    }

    /// A fresh random client key: base64 of 16 random bytes.
    static func makeKey() -> String {
        Base64.encode((0..<16).map { _ in UInt8.random(in: 0...255) })
    }
}
