import Glibc

/// A blocking TCP connection to 127.0.0.1:`port` (the socket's descriptor), for tests that send bytes no well-behaved
/// client would send. Throws ``TimedOut`` naming the port and errno when the connection is refused.
public func connectToLoopback(port: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw TimedOut(what: "a socket for 127.0.0.1:\(port) (errno \(errno))") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let status = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard status == 0 else {
        let code = errno
        close(fd)
        throw TimedOut(what: "connect to 127.0.0.1:\(port) (errno \(code))")
    }
    return fd
}
