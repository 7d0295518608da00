import COpenSSL

/// Reads OpenSSL's thread-local error queue.
enum OpenSSLErrors {
    /// All queued errors as text ("error:0A000086:SSL routines::certificate verify failed"), emptying the queue.
    static func drain() -> String {
        var messages: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.joined(separator: "; ")
    }

    /// Queued errors, or `fallback` when the queue is empty.
    static func drain(or fallback: String) -> String {
        let text = drain()
        return text.isEmpty ? fallback : text
    }
}

/// Converts a C string OpenSSL owns into a Swift string.
func openSSLString(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}
