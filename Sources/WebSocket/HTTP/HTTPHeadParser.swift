/// Reads an HTTP head from received bytes, defensively: bounded size, bounded field count, no line folding.
enum HTTPHeadParser {
    enum Outcome {
        case incomplete
        case complete(HTTPHead, consumed: Int)
        /// Over `limit` bytes or too many fields (431).
        case tooLarge(String)
        /// Not an HTTP head (400).
        case malformed(String)
    }

    static let maximumFieldCount = 100

    static func parse(_ bytes: ArraySlice<UInt8>, limit: Int) -> Outcome {
        guard let end = headEnd(bytes) else {
            if bytes.count > limit { return .tooLarge("the request head exceeds \(limit) bytes") }
            if let violation = earlyViolation(bytes) { return .malformed(violation) }
            return .incomplete
        }
        if end - bytes.startIndex > limit { return .tooLarge("the request head exceeds \(limit) bytes") }
        let lines = bytes[bytes.startIndex..<end].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { line in line.last == UInt8(ascii: "\r") ? line.dropLast() : line }
            .filter { !$0.isEmpty }
        guard let first = lines.first else { return .malformed("empty request") }
        if let violation = earlyViolation(bytes) { return .malformed(violation) }
        var headers: [HTTPHeader] = []
        for line in lines.dropFirst() {
            guard line.first != UInt8(ascii: " ") && line.first != UInt8(ascii: "\t") else {
                return .malformed("obsolete header line folding")
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .malformed("header line without a colon: \(String(decoding: line.prefix(80), as: UTF8.self))")
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte) else {
                return .malformed("invalid header name \"\(name.prefix(80))\"")
            }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
            headers.append(HTTPHeader(name, value))
            if headers.count > maximumFieldCount { return .tooLarge("more than \(maximumFieldCount) header fields") }
        }
        return .complete(HTTPHead(startLine: String(decoding: first, as: UTF8.self), headers: headers),
                         consumed: end - bytes.startIndex)
    }

    /// The index just past the empty line that ends the head, if present.
    private static func headEnd(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            let next = newline + 1
            if next < bytes.endIndex && bytes[next] == UInt8(ascii: "\n") { return next + 1 }
            if next + 1 < bytes.endIndex && bytes[next] == UInt8(ascii: "\r") && bytes[next + 1] == UInt8(ascii: "\n") {
                return next + 2
            }
            index = next
            if index >= bytes.endIndex { break }
        }
        return nil
    }

    /// Rejects a non-HTTP stream before it is complete (TLS hello on a ws port, binary garbage).
    private static func earlyViolation(_ bytes: ArraySlice<UInt8>) -> String? {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        if let bad = firstLine.first(where: { $0 < 0x20 || $0 >= 0x7F }) {
            if bytes.first == 0x16 { return "a TLS handshake arrived on a plain ws:// endpoint" }
            return "byte 0x\(String(bad, radix: 16)) in the request line"
        }
        return nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
