/// The start line and header fields of an HTTP/1.1 request or response.
struct HTTPHead {
    var startLine: String
    var headers: [HTTPHeader]

    /// The value of the first field called `name` (case-insensitive).
    func value(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }

    /// The comma-separated tokens of every field called `name`, trimmed.
    func tokens(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name }
            .flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
    }

    /// Whether the comma-separated field `name` contains `token` (case-insensitive).
    func has(_ name: String, token: String) -> Bool {
        tokens(name).contains { $0.lowercased() == token }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
              let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
