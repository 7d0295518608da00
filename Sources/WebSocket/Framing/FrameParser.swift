/// A frame-level event of an open connection.
enum FrameEvent {
    case message(WebSocketMessage)
    case ping([UInt8])
    case pong([UInt8])
    /// A close frame; `code` is nil when the frame had no payload.
    case close(code: UInt16?, reason: String)
}

/// Something the peer sent that breaks RFC 6455, with the close code it earns (1002, 1007 or 1009).
public struct ProtocolViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1002 protocol error, 1007 invalid payload data, 1009 message too big.
    public var code: UInt16
    /// What exactly was wrong.
    public var detail: String

    /// A violation earning close `code`, described by `detail`.
    public init(code: UInt16, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code): \(detail)" }
}

/// Reassembles messages from frames as bytes arrive, checking every rule on the way; payload is unmasked and
/// text validated per read, so a violation is found at its first byte.
struct FrameParser {
    private struct Header {
        var opcode: Opcode
        var fin: Bool
        var remaining: Int
        var key: [UInt8]?
        var maskPhase = 0
    }

    /// Servers require masked frames; clients require unmasked ones.
    let expectMasked: Bool
    let maximumMessageSize: Int

    private var header: Header?
    private var messageOpcode: Opcode?
    private var message: [UInt8] = []
    private var control: [UInt8] = []
    private var utf8 = UTF8Validator()
    /// Whether the frame being read is a close frame: a violation there means the peer has already started closing.
    private(set) var currentFrameIsClose = false

    init(expectMasked: Bool, maximumMessageSize: Int) {
        self.expectMasked = expectMasked
        self.maximumMessageSize = maximumMessageSize
    }

    /// The next complete event from `input`, or nil when more bytes are needed.
    mutating func next(from input: inout ByteBuffer) throws(ProtocolViolation) -> FrameEvent? {
        while true {
            if header == nil {
                guard let parsed = try parseHeader(&input) else { return nil }
                header = parsed
            }
            guard var current = header else { return nil }
            let take = min(input.count, current.remaining)
            if take > 0 {
                try consumePayload(&input, count: take, header: &current)
                header = current
            }
            if current.remaining > 0 { return nil }
            header = nil
            if let event = try finishFrame(current) { return event }
        }
    }

    private mutating func parseHeader(_ input: inout ByteBuffer) throws(ProtocolViolation) -> Header? {
        guard input.count >= 2 else { return nil }
        let first = input[0]
        let second = input[1]
        guard first & 0x70 == 0 else { throw violation(1002, "reserved bits set (0x\(String(first & 0x70, radix: 16))) without a negotiated extension") }
        guard let opcode = Opcode(rawValue: first & 0x0F) else { throw violation(1002, "unknown opcode 0x\(String(first & 0x0F, radix: 16))") }
        currentFrameIsClose = opcode == .close
        let fin = first & 0x80 != 0
        let masked = second & 0x80 != 0
        if expectMasked && !masked { throw violation(1002, "unmasked frame from a client (opcode \(opcode))") }
        if !expectMasked && masked { throw violation(1002, "masked frame from a server (opcode \(opcode))") }
        let shortLength = Int(second & 0x7F)
        if opcode.isControl {
            guard fin else { throw violation(1002, "fragmented \(opcode) control frame") }
            guard shortLength <= 125 else { throw violation(1002, "\(opcode) control frame with \(shortLength)-byte payload (limit 125)") }
        }
        let extraLength = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0
        let headerLength = 2 + extraLength + (masked ? 4 : 0)
        guard input.count >= headerLength else { return nil }
        var length: UInt64 = UInt64(shortLength)
        if extraLength > 0 {
            length = 0
            for index in 2..<(2 + extraLength) { length = length << 8 | UInt64(input[index]) }
            guard length >> 63 == 0 else { throw violation(1002, "64-bit payload length with the most significant bit set") }
        }
        switch opcode {
        case .continuation:
            guard messageOpcode != nil else { throw violation(1002, "continuation frame without a message to continue") }
        case .text, .binary:
            guard messageOpcode == nil else { throw violation(1002, "new \(opcode) message while a fragmented message is unfinished") }
        default:
            break
        }
        if !opcode.isControl {
            let total = UInt64(message.count) + length
            guard total <= UInt64(maximumMessageSize) else {
                throw violation(1009, "message of at least \(total) bytes exceeds the limit of \(maximumMessageSize) bytes")
            }
            if opcode != .continuation {
                messageOpcode = opcode
                utf8 = UTF8Validator()
            }
        }
        let key: [UInt8]? = masked ? (0..<4).map { input[2 + extraLength + $0] } : nil
        input.consume(headerLength)
        if opcode.isControl { control.removeAll(keepingCapacity: true) }
        return Header(opcode: opcode, fin: fin, remaining: Int(length), key: key)
    }

    private mutating func consumePayload(_ input: inout ByteBuffer, count: Int, header: inout Header) throws(ProtocolViolation) {
        let chunk = input.readable.prefix(count)
        if header.opcode.isControl {
            let start = control.count
            control.append(contentsOf: chunk)
            if let key = header.key { Masking.apply(key, to: &control, from: start, phase: header.maskPhase) }
        } else {
            let start = message.count
            message.append(contentsOf: chunk)
            if let key = header.key { Masking.apply(key, to: &message, from: start, phase: header.maskPhase) }
            if messageOpcode == .text && !utf8.feed(message[start...]) {
                throw violation(1007, "invalid UTF-8 in text message at byte \(firstInvalidOffset())")
            }
        }
        input.consume(count)
        header.maskPhase = (header.maskPhase + count) & 3
        header.remaining -= count
    }

    /// The offset of the first invalid byte in `message`, for the error text.
    private func firstInvalidOffset() -> Int {
        var probe = UTF8Validator()
        for (offset, byte) in message.enumerated() where !probe.feed(CollectionOfOne(byte)) { return offset }
        return message.count
    }

    private mutating func finishFrame(_ header: Header) throws(ProtocolViolation) -> FrameEvent? {
        switch header.opcode {
        case .ping:
            return .ping(control)
        case .pong:
            return .pong(control)
        case .close:
            return try closeEvent(control)
        case .text, .binary, .continuation:
            guard header.fin, let opcode = messageOpcode else { return nil }
            messageOpcode = nil
            let bytes = message
            message = []
            if opcode == .text {
                guard utf8.isComplete else { throw violation(1007, "text message ends inside a UTF-8 sequence") }
                return .message(.text(String(decoding: bytes, as: UTF8.self)))
            }
            return .message(.binary(bytes))
        }
    }

    private mutating func closeEvent(_ payload: [UInt8]) throws(ProtocolViolation) -> FrameEvent {
        if payload.isEmpty { return .close(code: nil, reason: "") }
        guard payload.count >= 2 else { throw violation(1002, "close frame with a 1-byte payload") }
        let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
        guard Self.isValidCloseCode(code) else { throw violation(1002, "invalid close code \(code)") }
        let reason = payload[2...]
        guard UTF8Validator.isValid(reason) else { throw violation(1007, "close reason is not valid UTF-8") }
        return .close(code: code, reason: String(decoding: reason, as: UTF8.self))
    }

    /// Codes a peer may send (RFC 6455 §7.4 and the IANA registry).
    static func isValidCloseCode(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1014, 3000...4999: true
        default: false
        }
    }

    private func violation(_ code: UInt16, _ detail: String) -> ProtocolViolation {
        ProtocolViolation(code: code, detail: detail)
    }
}
