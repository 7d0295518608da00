import Foundation
import Glibc

/// A blocking TCP connection to 127.0.0.1 for the misbehaving client: it writes what it is told, byte-exact, and
/// reads with a timeout. Every operation reports failure as `false`/`nil`, never traps: the server may drop it anytime.
final class RawSocket {
    private(set) var fd: Int32

    /// Connects to 127.0.0.1:`port`; `nil` when the connection is refused.
    init?(port: Int, receiveBuffer: Int32? = nil, readTimeout: Double = 5) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var timeout = timeval(tv_sec: Int(readTimeout), tv_usec: Int((readTimeout - Double(Int(readTimeout))) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            return nil
        }
    }

    /// Writes all of `bytes`; false when the peer is gone or the write timed out.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 {
                if count < 0 && errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    @discardableResult
    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// Reads what is there (waiting at most the read timeout); `nil` at end of stream, error or timeout.
    func read(max: Int = 65_536) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: max)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer.prefix(count)) : nil
    }

    /// Reads until `marker` appears or the stream ends; returns everything read.
    func read(until marker: String, limit: Int = 1 << 20) -> String {
        var received: [UInt8] = []
        while received.count < limit, let chunk = read() {
            received += chunk
            if String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Reads until the stream ends or the read timeout passes; returns how many bytes came.
    func drain() -> Int {
        var total = 0
        while let chunk = read() { total += chunk.count }
        return total
    }

    /// Closes with a reset (SO_LINGER 0): the way a station losing power looks to the server.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close()
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}
