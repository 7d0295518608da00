import Glibc

/// A minimal HTTP/1.1 request as the control API reads it: method, target, body (by Content-Length).
struct HTTPRequest: Sendable {
    let method: String
    let target: String
    let body: String

    /// Why a request could not be read: the status to answer and why.
    struct Failure: Error, Sendable {
        let status: Int
        let message: String
    }

    /// Reads one request from `socket`, refusing heads and bodies above the limits.
    static func read(from socket: Int32, maximumHead: Int, maximumBody: Int) -> Result<HTTPRequest, Failure> {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 2_048)
        var headEnd: Int?
        while headEnd == nil {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return .failure(Failure(status: 400, message: "the request ended before its head did")) }
            buffer += chunk[0..<count]
            headEnd = endOfHead(in: buffer)
            if headEnd == nil, buffer.count > maximumHead {
                return .failure(Failure(status: 431, message: "the request head is larger than \(maximumHead) bytes"))
            }
        }
        guard let headEnd else { return .failure(Failure(status: 400, message: "no request head")) }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."), requestLine[1].hasPrefix("/") else {
            return .failure(Failure(status: 400, message: "expected a request line such as POST /connectors/1/plug HTTP/1.1"))
        }
        var length = 0
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            guard let value = Int(parts[1].filter { $0 != " " && $0 != "\t" }), value >= 0 else {
                return .failure(Failure(status: 400, message: "Content-Length must be a non-negative number"))
            }
            length = value
        }
        guard length <= maximumBody else {
            return .failure(Failure(status: 413, message: "the body is larger than \(maximumBody) bytes"))
        }
        var body = Array(buffer[(headEnd + 4)...])
        while body.count < length {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return .failure(Failure(status: 400, message: "the body is shorter than its Content-Length")) }
            body += chunk[0..<count]
        }
        return .success(HTTPRequest(method: String(requestLine[0]), target: String(requestLine[1]),
                                    body: String(decoding: body.prefix(length), as: UTF8.self)))
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 431: "Request Header Fields Too Large"
        default: "Internal Server Error"
        }
    }
}
