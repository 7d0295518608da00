import Foundation
import Glibc
import OCPP

/// Sends raw HTTP to the control API on 127.0.0.1 and reads the answer (bounded by socket timeouts).
enum HTTPTestClient {
    struct Answer: Sendable {
        let status: Int
        let body: JSONValue?
    }

    static func post(_ port: Int, _ path: String, body: String = "") async -> Answer? {
        await raw(port, "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
    }

    static func get(_ port: Int, _ path: String) async -> Answer? {
        await raw(port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    /// Writes `request` as given and reads until the server closes.
    static func raw(_ port: Int, _ request: String) async -> Answer? {
        await Task.detached { exchange(port, Array(request.utf8)) }.value
    }

    private static func exchange(_ port: Int, _ request: [UInt8]) -> Answer? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var offset = 0
        while offset < request.count {
            let written = request[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { break }
            offset += written
        }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            response += chunk[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let statusText = text.split(separator: " ").dropFirst().first, let status = Int(statusText) else { return nil }
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) }
        return Answer(status: status, body: body.flatMap { try? JSONParser().parse($0) })
    }
}
