import Testing
@testable import WebSocket

/// The pure parts: UTF-8 validation, the frame parser (client role), the HTTP head parser, the accept key.
@Suite("Units")
struct UnitTests {
    @Test("UTF-8 validation", arguments: [
        ([0x48, 0x69], true), ([0xE2, 0x82, 0xAC], true), ([0xF0, 0x9F, 0x98, 0x80], true),
        ([0xC0, 0xAF], false), ([0xE0, 0x80, 0xAF], false), ([0xED, 0xA0, 0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false), ([0xFF], false), ([0xE2, 0x82], false),
    ] as [([UInt8], Bool)])
    func utf8(bytes: [UInt8], valid: Bool) {
        #expect(UTF8Validator.isValid(bytes) == valid)
    }

    @Test("a split code point validates across feeds")
    func utf8Split() {
        var validator = UTF8Validator()
        let firstHalf = validator.feed([0xF0, 0x9F])
        #expect(firstHalf)
        #expect(!validator.isComplete)
        let secondHalf = validator.feed([0x98, 0x80])
        #expect(secondHalf)
        #expect(validator.isComplete)
    }

    @Test("RFC 6455's sample key gives its accept value")
    func acceptKey() {
        #expect(WebSocketAccept.value(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("the client side refuses a masked frame from the server with 1002")
    func clientRefusesMaskedFrames() {
        var parser = FrameParser(expectMasked: false, maximumMessageSize: 100)
        var input = ByteBuffer()
        let frame = FrameEncoder.encode(.text, payload: Array("hi".utf8), masked: true)
        frame.withUnsafeBytes { input.append($0) }
        #expect(throws: ProtocolViolation(code: 1002, detail: "masked frame from a server (opcode text)")) {
            _ = try parser.next(from: &input)
        }
    }

    @Test("frames split at every byte boundary still parse; masking round-trips for every length class",
          arguments: [0, 5, 125, 126, 65535, 65536])
    func byteByByte(length: Int) throws {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
        let frame = FrameEncoder.encode(.binary, payload: payload, masked: true)
        var parser = FrameParser(expectMasked: true, maximumMessageSize: 1 << 20)
        var input = ByteBuffer()
        var events: [FrameEvent] = []
        let step = max(1, frame.count / 300)
        for start in stride(from: 0, to: frame.count, by: step) {
            frame[start..<min(start + step, frame.count)].withUnsafeBytes { input.append($0) }
            while let event = try parser.next(from: &input) { events.append(event) }
        }
        guard events.count == 1, case .message(.binary(let received)) = events[0] else {
            Issue.record("expected one binary message, got \(events.count) events")
            return
        }
        #expect(received == payload)
    }

    @Test("a close frame with a 1-byte payload is a protocol error; a bad reason is 1007")
    func closePayloads() {
        for (payload, code) in [([UInt8(3)], UInt16(1002)), ([0x03, 0xE8, 0xFF], 1007)] {
            var parser = FrameParser(expectMasked: false, maximumMessageSize: 100)
            var input = ByteBuffer()
            FrameEncoder.encode(.close, payload: payload, masked: false).withUnsafeBytes { input.append($0) }
            #expect { _ = try parser.next(from: &input) } throws: { ($0 as? ProtocolViolation)?.code == code }
        }
    }

    @Test("the HTTP head parser waits for the blank line and accepts bare LF")
    func headParser() throws {
        let partial = Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)
        guard case .incomplete = HTTPHeadParser.parse(partial[...], limit: 1000) else {
            Issue.record("a head without the blank line is incomplete")
            return
        }
        let bare = Array("GET / HTTP/1.1\nHost:  x \nX-A: 1\nX-A: 2\n\nrest".utf8)
        guard case .complete(let head, let consumed) = HTTPHeadParser.parse(bare[...], limit: 1000) else {
            Issue.record("a bare-LF head is complete")
            return
        }
        #expect(head.value("host") == "x")
        #expect(head.tokens("x-a") == ["1", "2"])
        #expect(String(decoding: bare[consumed...], as: UTF8.self) == "rest")
    }

    @Test("close reasons are cut to fit a control frame on a character boundary")
    func closeReasonFits() {
        let payload = FrameEncoder.closePayload(code: 1000, reason: String(repeating: "€", count: 60))
        #expect(payload.count <= 125)
        #expect(UTF8Validator.isValid(payload.dropFirst(2)))
    }
}
