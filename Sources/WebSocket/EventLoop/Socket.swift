import Glibc

/// Thin wrappers over the socket calls both sides need.
enum Socket {
    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// A non-blocking listening socket bound to `host:port`.
    static func listen(host: String, port: Int, backlog: Int32 = 4096) throws(SocketError) -> Int32 {
        var address = try SocketAddress.resolve(host: host, port: port)
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(operation: "socket", errno: errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address.storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, address.length) }
        }
        guard bound == 0 else {
            let error = SocketError(operation: "bind \(host):\(port)", errno: errno)
            close(fd)
            throw error
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let error = SocketError(operation: "listen \(host):\(port)", errno: errno)
            close(fd)
            throw error
        }
        setNonBlocking(fd)
        return fd
    }

    /// Starts a non-blocking connect; the socket becomes writable when it is done.
    static func startConnect(to address: SocketAddress) throws(SocketError) -> Int32 {
        var address = address
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(operation: "socket", errno: errno) }
        setNonBlocking(fd)
        setNoDelay(fd)
        let status = withUnsafePointer(to: &address.storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, address.length) }
        }
        if status != 0 && errno != EINPROGRESS {
            let error = SocketError(operation: "connect \(address)", errno: errno)
            close(fd)
            throw error
        }
        return fd
    }
}
