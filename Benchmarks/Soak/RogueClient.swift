import Foundation

/// The misbehaving client of the soak (`Soak rogue WS_PORT PATH_PREFIX WSS_PORT`, a process of its own): until it is
/// terminated it cycles through the transport faults real stations and attackers commit, against the runner's
/// listeners, printing after each round what it did so far. Identities are `ROGUE-<FAULT>-<n>` with n from 1 to 3, so
/// the report gets few extra stations, and each comes back every round (their plans end instead of waiting for them).
struct RogueClient {
    /// The ws:// listener: its port and the path before the identity ("/ocpp/").
    let port: Int
    let pathPrefix: String
    /// The wss:// listener's port (TLS clients that hang mid-handshake).
    let tlsPort: Int
    private(set) var counts: [String: Int] = [:]

    init(port: Int, pathPrefix: String, tlsPort: Int) {
        self.port = port
        self.pathPrefix = pathPrefix
        self.tlsPort = tlsPort
    }

    /// Runs the faults round after round, a line of totals after each, until the process is terminated.
    mutating func run() -> Never {
        var round = 0
        while true {
            round += 1
            let number = round % 3 + 1
            dropMidFrame(number)
            garbageFrames(number)
            oversizedMessage(number)
            slowReader(number)
            handshakeFlood()
            hangingTLSClients()
            let totals = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            FileHandle.standardOutput.write(Data("after round \(round): \(totals)\n".utf8))
        }
    }

    private mutating func count(_ what: String, _ amount: Int = 1) { counts[what, default: 0] += amount }

    /// A connection with the WebSocket handshake done, or `nil` when the server refused it.
    private mutating func upgraded(_ identity: String, receiveBuffer: Int32? = nil) -> RawSocket? {
        guard let socket = RawSocket(port: port, receiveBuffer: receiveBuffer) else {
            count("connection refused")
            return nil
        }
        socket.write("GET \(pathPrefix)\(identity) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: c29hayByb2d1ZSBrZXkgMQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Protocol: ocpp1.6\r\n\r\n")
        let answer = socket.read(until: "\r\n\r\n", limit: 16_384)
        guard answer.hasPrefix("HTTP/1.1 101") else {
            count("upgrade refused")
            return nil
        }
        return socket
    }

    /// A masked client frame.
    static func frame(opcode: UInt8, _ payload: [UInt8], fin: Bool = true, announcedLength: Int? = nil) -> [UInt8] {
        let length = announcedLength ?? payload.count
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | opcode]
        if length < 126 {
            bytes.append(0x80 | UInt8(length))
        } else if length <= 0xFFFF {
            bytes += [0x80 | 126, UInt8(length >> 8), UInt8(length & 0xFF)]
        } else {
            bytes.append(0x80 | 127)
            bytes += (0..<8).reversed().map { UInt8((length >> ($0 * 8)) & 0xFF) }
        }
        let mask: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        bytes += mask
        bytes += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        return bytes
    }

    static func text(_ text: String) -> [UInt8] { frame(opcode: 0x1, Array(text.utf8)) }

    /// Sends half of a CALL frame, then the connection dies (reset).
    mutating func dropMidFrame(_ number: Int) {
        guard let socket = upgraded("ROGUE-DROP-\(number)") else { return }
        let whole = Self.text(#"[2,"d1","BootNotification",{"chargePointVendor":"Rogue","chargePointModel":"Drop"}]"#)
        socket.write(Array(whole.prefix(whole.count / 2)))
        socket.reset()
        count("dropped mid-frame")
    }

    /// Sends text that is not OCPP-J, a binary frame, deep nesting, invalid UTF-8, a frame with reserved bits; reads
    /// what the server answers, then closes.
    mutating func garbageFrames(_ number: Int) {
        guard let socket = upgraded("ROGUE-GARBAGE-\(number)") else { return }
        let frames: [[UInt8]] = [
            Self.text("hello, central system"),
            Self.text(#"[2,"g1""#),
            Self.text(#"[9,"g2","Heartbeat",{}]"#),
            Self.text(#"[2,"g3","NoSuchAction",{}]"#),
            Self.text(String(repeating: "[", count: 10_000)),
            Self.frame(opcode: 0x2, [0, 1, 2, 3]),
            Self.text(#"[2,"g4","Heartbeat",{}]"#),
            Self.frame(opcode: 0x1, [0xC3, 0x28]),
        ]
        for frame in frames { socket.write(frame) }
        count("garbage frames", frames.count)
        _ = socket.drain()
        socket.close()
    }

    /// Announces a 64 MiB message and starts sending it; the server must refuse (1009) long before.
    mutating func oversizedMessage(_ number: Int) {
        guard let socket = upgraded("ROGUE-BIG-\(number)") else { return }
        socket.write(Self.frame(opcode: 0x1, [], announcedLength: 64 << 20))
        let chunk = [UInt8](repeating: 0x20, count: 64 * 1024)
        var sent = 0
        while sent < 64 << 20, socket.write(chunk) { sent += chunk.count }
        count("oversized messages")
        _ = socket.drain()
        socket.close()
    }

    /// Floods CALLs without ever reading an answer (a tiny receive buffer), for a few seconds.
    mutating func slowReader(_ number: Int) {
        guard let socket = upgraded("ROGUE-SLOW-\(number)", receiveBuffer: 4096) else { return }
        let until = ContinuousClock.now + .seconds(3)
        var sent = 0
        while ContinuousClock.now < until, sent < 20_000,
              socket.write(Self.text(#"[2,"s\#(sent)","Heartbeat",{}]"#)) { sent += 1 }
        count("slow-reader CALLs", sent)
        socket.reset()
    }

    /// 200 connections that start an HTTP request and never finish it (held past the server's 10 s handshake
    /// timeout), and 20 with a head far over any limit.
    mutating func handshakeFlood() {
        var sockets: [RawSocket] = []
        for index in 0..<200 {
            guard let socket = RawSocket(port: port) else { count("connection refused"); continue }
            socket.write("GET \(pathPrefix)ROGUE-FLOOD-\(index) HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            sockets.append(socket)
        }
        count("half handshakes", sockets.count)
        for _ in 0..<20 {
            guard let socket = RawSocket(port: port) else { continue }
            socket.write("GET \(pathPrefix)ROGUE-HEAD HTTP/1.1\r\n" + String(repeating: "X-Padding: \(String(repeating: "p", count: 1000))\r\n", count: 64))
            _ = socket.read(until: "\r\n\r\n")
            count("oversized heads")
        }
        Thread.sleep(forTimeInterval: 11)
        for socket in sockets { socket.reset() }
    }

    /// 100 TLS clients that send the first bytes of a ClientHello and then hang, past the server's handshake timeout.
    mutating func hangingTLSClients() {
        var sockets: [RawSocket] = []
        for _ in 0..<100 {
            guard let socket = RawSocket(port: tlsPort, readTimeout: 0.02) else { count("connection refused"); continue }
            socket.write([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03])
            sockets.append(socket)
        }
        count("hanging TLS handshakes", sockets.count)
        Thread.sleep(forTimeInterval: 11)
        for socket in sockets { socket.close() }
    }
}
