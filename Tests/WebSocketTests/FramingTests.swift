import Testing
import WebSocket

/// Frame rules enforced by the server against a raw client: masking, size, UTF-8, fragmentation, control frames.
@Suite("Framing")
struct FramingTests {
    struct Violation: CustomTestStringConvertible, Sendable {
        var name: String
        var frames: [[UInt8]]
        var code: UInt16
        var detail: String
        var testDescription: String { name }
    }

    static let violations = [
        Violation(name: "unmasked client frame", frames: [RawFrame.make(opcode: 0x1, payload: Array("hi".utf8), mask: nil)],
                  code: 1002, detail: "unmasked frame from a client (opcode text)"),
        Violation(name: "oversized message", frames: [RawFrame.make(opcode: 0x2, payload: [UInt8](repeating: 7, count: 1500))],
                  code: 1009, detail: "message of at least 1500 bytes exceeds the limit of 1024 bytes"),
        Violation(name: "oversized fragmented message",
                  frames: [RawFrame.make(opcode: 0x2, payload: [UInt8](repeating: 7, count: 1000), fin: false),
                           RawFrame.make(opcode: 0x0, payload: [UInt8](repeating: 7, count: 100))],
                  code: 1009, detail: "message of at least 1100 bytes exceeds the limit of 1024 bytes"),
        Violation(name: "invalid UTF-8 (a surrogate)", frames: [RawFrame.make(opcode: 0x1, payload: [0x68, 0x69, 0xED, 0xA0, 0x80])],
                  code: 1007, detail: "invalid UTF-8 in text message at byte 3"),
        Violation(name: "invalid UTF-8 in a first fragment fails before the message ends",
                  frames: [RawFrame.make(opcode: 0x1, payload: [0xC0, 0xAF], fin: false)],
                  code: 1007, detail: "invalid UTF-8 in text message at byte 0"),
        Violation(name: "reserved bit set", frames: [[0xC1] + RawFrame.make(opcode: 0x1, payload: []).dropFirst()],
                  code: 1002, detail: "reserved bits set (0x40) without a negotiated extension"),
        Violation(name: "continuation without a message", frames: [RawFrame.make(opcode: 0x0, payload: [1])],
                  code: 1002, detail: "continuation frame without a message to continue"),
        Violation(name: "fragmented ping", frames: [RawFrame.make(opcode: 0x9, payload: [], fin: false)],
                  code: 1002, detail: "fragmented ping control frame"),
        Violation(name: "unknown opcode", frames: [RawFrame.make(opcode: 0x3, payload: [])],
                  code: 1002, detail: "unknown opcode 0x3"),
        Violation(name: "close code 1005 on the wire", frames: [RawFrame.make(opcode: 0x8, payload: [0x03, 0xED])],
                  code: 1002, detail: "invalid close code 1005"),
    ]

    @Test("the server closes with the right code and reports what was wrong", arguments: violations)
    func violation(_ violation: Violation) async throws {
        let server = try await WebSocketServer.start(.init(maximumMessageSize: 1024))
        let raw = try RawSocket(port: server.port)
        let response = try await offPool { raw.upgrade() }
        #expect(response.hasPrefix("HTTP/1.1 101 "))
        let connection = try await server.nextConnection()
        let frames = violation.frames
        let (bytes, _) = try await offPool {
            for frame in frames { raw.send(frame) }
            return raw.receive { RawFrame.closeCode(in: $0) != nil }
        }
        #expect(RawFrame.closeCode(in: bytes) == violation.code)
        raw.send(RawFrame.make(opcode: 0x8, payload: [UInt8(violation.code >> 8), UInt8(violation.code & 0xFF)]))
        let end = try await connection.closed()
        #expect(end.initiator == .failure)
        #expect(end.code == violation.code)
        #expect(end.failure == .protocolViolation(ProtocolViolation(code: violation.code, detail: violation.detail)))
        let (_, closedByServer) = try await offPool { raw.receiveUntilClosed() }
        #expect(closedByServer, "the server closes TCP after the close handshake")
        await server.shutdown()
    }

    @Test("a message before a violation is still answered by a task on the connection's executor, then 1002 follows")
    func answerBeforeFailing() async throws {
        let server = try await WebSocketServer.start(.init())
        let raw = try RawSocket(port: server.port)
        _ = try await offPool { raw.upgrade() }
        let connection = try await server.nextConnection()
        let echo = Task(executorPreference: connection.executor) {
            for await message in connection.messages { try await connection.send(message) }
        }
        let (bytes, _) = try await offPool {
            raw.send(RawFrame.make(opcode: 0x1, payload: Array("hello".utf8)) + RawFrame.make(opcode: 0x1, payload: [], mask: nil))
            return raw.receive { RawFrame.closeCode(in: $0) != nil }
        }
        #expect(Array(bytes.prefix(7)) == [0x81, 5] + Array("hello".utf8))
        #expect(RawFrame.closeCode(in: bytes) == 1002)
        raw.close()
        #expect(try await connection.closed().code == 1002)
        try await echo.value
        await server.shutdown()
    }

    @Test("fragments are reassembled, a ping between fragments is answered, a binary frame stays binary")
    func fragmentation() async throws {
        let server = try await WebSocketServer.start(.init())
        let raw = try RawSocket(port: server.port)
        _ = try await offPool { raw.upgrade() }
        let connection = try await server.nextConnection()
        let euro = Array("€".utf8)
        let (pong, _) = try await offPool {
            raw.send(RawFrame.make(opcode: 0x1, payload: Array("Hello, ".utf8) + [euro[0]], fin: false))
            raw.send(RawFrame.make(opcode: 0x9, payload: Array("are you there".utf8)))
            raw.send(RawFrame.make(opcode: 0x0, payload: Array(euro[1...]), fin: false))
            raw.send(RawFrame.make(opcode: 0x0, payload: Array(" world".utf8)))
            raw.send(RawFrame.make(opcode: 0x2, payload: [0, 255]))
            return raw.receive { $0.count >= 2 + 13 }
        }
        #expect(pong == [0x8A, 13] + Array("are you there".utf8))
        #expect(try await connection.nextMessage() == .text("Hello, € world"))
        #expect(try await connection.nextMessage() == .binary([0, 255]))
        let (echo, closed) = try await offPool {
            raw.send(RawFrame.make(opcode: 0x8, payload: [0x03, 0xE8] + Array("done".utf8)))
            return raw.receiveUntilClosed()
        }
        #expect(echo == [0x88, 2, 0x03, 0xE8], "the server echoes the close code and then closes TCP")
        #expect(closed)
        let end = try await connection.closed()
        #expect(end == CloseInfo(code: 1000, reason: "done", initiator: .peer, failure: nil))
        await server.shutdown()
    }
}
