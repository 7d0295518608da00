import Foundation
import Glibc

/// A blocking TCP client for sending bytes no well-behaved client would send. Every read is bounded.
final class RawSocket: @unchecked Sendable {
    // Thread-safety: used by one test at a time, from one thread at a time (calls run through `offPool`).
    let fd: Int32

    init(port: Int) throws {
        fd = try connectToLoopback(port: port)
    }

    deinit { close() }

    /// Closes the socket (idempotent).
    func close() {
        if !isClosed { Glibc.close(fd) }
        isClosed = true
    }

    private var isClosed = false

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Reads until `done` holds for the bytes so far, the peer closes, or `seconds` pass.
    func receive(within seconds: Double = 10, until done: ([UInt8]) -> Bool) -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(received) {
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard remaining > 0, poll(&poller, 1, remaining) > 0 else { return (received, false) }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { return (received, true) }
            received += buffer[0..<count]
        }
        return (received, false)
    }

    /// Reads until the peer closes (or `seconds` pass) and returns everything received.
    func receiveUntilClosed(within seconds: Double = 10) -> (bytes: [UInt8], closed: Bool) {
        receive(within: seconds) { _ in false }
    }

    /// Sends a valid upgrade request for `path` and reads the 101 response head.
    func upgrade(path: String = "/CP001") -> String {
        send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        let (bytes, _) = receive { $0.count >= 4 && $0.suffix(4) == Array("\r\n\r\n".utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Builds frames byte by byte, including broken ones.
enum RawFrame {
    static func make(opcode: UInt8, payload: [UInt8], fin: Bool = true, mask: [UInt8]? = [1, 2, 3, 4]) -> [UInt8] {
        var frame: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        let maskBit: UInt8 = mask == nil ? 0 : 0x80
        if payload.count < 126 {
            frame.append(maskBit | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            frame += [maskBit | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(maskBit | 127)
            for shift in stride(from: 56, through: 0, by: -8) { frame.append(UInt8((payload.count >> shift) & 0xFF)) }
        }
        guard let mask else { return frame + payload }
        return frame + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    /// The close code of the first (unmasked, server-sent) close frame in `bytes`.
    static func closeCode(in bytes: [UInt8]) -> UInt16? {
        var index = 0
        while index + 2 <= bytes.count {
            let opcode = bytes[index] & 0x0F
            let length = Int(bytes[index + 1] & 0x7F)
            guard length < 126, index + 2 + length <= bytes.count else { return nil }
            if opcode == 0x8 {
                guard length >= 2 else { return nil }
                return UInt16(bytes[index + 2]) << 8 | UInt16(bytes[index + 3])
            }
            index += 2 + length
        }
        return nil
    }
}

/// A listening socket that never accepts: connects complete in the backlog, nothing is ever answered.
final class SilentListener {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw TimedOut(what: "a silent listener (errno \(errno))")
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
