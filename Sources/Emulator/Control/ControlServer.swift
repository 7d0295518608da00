import Foundation
import Glibc
import Locking
import OCPP

/// The standalone emulator's local HTTP control API (see ``ControlAPI`` for the routes), bound to loopback.
///
/// One thread accepts and serves requests one at a time, as a lab's script drives a simulator; each connection gets
/// five seconds to send a request of at most 16 KiB of head and 4 KiB of body, and is closed after the answer.
/// Malformed requests are answered 400 and never stop the server.
public final class ControlServer: Sendable {
    /// The bound port (the real one when 0 was asked for).
    public let port: Int
    private let listener: Int32
    /// Whether `stop()` ran; guards closing the socket once.
    private let stopped = Locked(false)

    static let maximumHead = 16 * 1024
    static let maximumBody = 4 * 1024

    private init(port: Int, listener: Int32) {
        self.port = port
        self.listener = listener
    }

    /// Listens on `host:port` (port 0 picks a free one) and serves `api` until `stop()`.
    public static func start(api: ControlAPI, host: String = "127.0.0.1", port: Int) throws(ControlServerError) -> ControlServer {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ControlServerError(host: host, port: port, reason: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        guard (0...65_535).contains(port), inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(listener)
            throw ControlServerError(host: host, port: port, reason: "an IPv4 address and a port from 0 to 65535 are needed")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw ControlServerError(host: host, port: port, reason: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let server = ControlServer(port: Int(UInt16(bigEndian: actual.sin_port)), listener: listener)
        let thread = Thread { server.serve(api) }
        thread.name = "chargecheck-control"
        thread.start()
        return server
    }

    /// Stops accepting; the serving thread ends.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func serve(_ api: ControlAPI) {
        defer { close(listener) }
        while !stopped.withLock({ $0 }) {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            handle(client, api: api)
            close(client)
        }
    }

    private func handle(_ client: Int32, api: ControlAPI) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let response: ControlAPI.Response
        switch HTTPRequest.read(from: client, maximumHead: Self.maximumHead, maximumBody: Self.maximumBody) {
        case .success(let request):
            response = Self.blocking { await api.handle(method: request.method, target: request.target, body: request.body) }
        case .failure(let failure):
            response = ControlAPI.Response(status: failure.status, body: ["ok": false, "error": .string(failure.message)])
        }
        write(response, to: client)
    }

    /// Runs `work` on the concurrency pool and waits for it on this (non-pool) thread.
    private static func blocking(_ work: @escaping @Sendable () async -> ControlAPI.Response) -> ControlAPI.Response {
        let result = Locked<ControlAPI.Response?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let response = await work()
            result.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 } ?? ControlAPI.Response(status: 500, body: ["ok": false])
    }

    private func write(_ response: ControlAPI.Response, to client: Int32) {
        let body = response.body.jsonText + "\n"
        let head = "HTTP/1.1 \(response.status) \(HTTPRequest.reasonPhrase(response.status))\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array((head + body).utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            offset += written
        }
    }
}

/// Why the control API could not start.
public struct ControlServerError: Error, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let reason: String

    public var description: String {
        "cannot serve the control API on \(host):\(port): \(reason); choose another --control-port"
    }
}
