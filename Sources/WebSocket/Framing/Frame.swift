import Glibc

/// RFC 6455 frame opcodes.
enum Opcode: UInt8 {
    case continuation = 0x0
    case text = 0x1
    case binary = 0x2
    case close = 0x8
    case ping = 0x9
    case pong = 0xA

    var isControl: Bool { rawValue & 0x8 != 0 }
}

/// Serializes frames; clients mask, servers don't.
enum FrameEncoder {
    /// One final frame with `payload`, masked with a fresh random key when `masked`.
    static func encode<Payload: Collection>(_ opcode: Opcode, payload: Payload, masked: Bool) -> [UInt8]
    where Payload.Element == UInt8 {
        let length = payload.count
        var frame: [UInt8] = []
        frame.reserveCapacity(length + 14)
        frame.append(0x80 | opcode.rawValue)
        let maskBit: UInt8 = masked ? 0x80 : 0
        switch length {
        case 0..<126:
            frame.append(maskBit | UInt8(length))
        case 126...0xFFFF:
            frame.append(maskBit | 126)
            frame.append(UInt8(length >> 8))
            frame.append(UInt8(length & 0xFF))
        default:
            frame.append(maskBit | 127)
            for shift in stride(from: 56, through: 0, by: -8) { frame.append(UInt8((UInt64(length) >> UInt64(shift)) & 0xFF)) }
        }
        guard masked else {
            frame.append(contentsOf: payload)
            return frame
        }
        // glibc's arc4random: a ChaCha20 CSPRNG in user space (RFC 6455 wants unpredictable keys; no syscall per frame).
        let key = arc4random()
        let keyBytes = [UInt8(key >> 24), UInt8((key >> 16) & 0xFF), UInt8((key >> 8) & 0xFF), UInt8(key & 0xFF)]
        frame.append(contentsOf: keyBytes)
        let start = frame.count
        frame.append(contentsOf: payload)
        Masking.apply(keyBytes, to: &frame, from: start, phase: 0)
        return frame
    }

    /// The payload of a close frame: the code in network order, then the UTF-8 reason (cut to fit 125 bytes).
    static func closePayload(code: UInt16, reason: String) -> [UInt8] {
        var payload = [UInt8(code >> 8), UInt8(code & 0xFF)]
        var reasonBytes = Array(reason.utf8.prefix(123))
        while !UTF8Validator.isValid(reasonBytes) { reasonBytes.removeLast() }
        payload.append(contentsOf: reasonBytes)
        return payload
    }
}

/// XOR masking (RFC 6455 §5.3).
enum Masking {
    /// Masks `bytes[start...]` in place; `phase` is the key offset of the first byte.
    static func apply(_ key: [UInt8], to bytes: inout [UInt8], from start: Int, phase: Int) {
        bytes.withUnsafeMutableBufferPointer { buffer in
            var index = start
            var keyIndex = phase & 3
            let end = buffer.count
            while index < end && keyIndex != 0 {
                buffer[index] ^= key[keyIndex]
                keyIndex = (keyIndex + 1) & 3
                index += 1
            }
            let word = UInt64(key[0]) | UInt64(key[1]) << 8 | UInt64(key[2]) << 16 | UInt64(key[3]) << 24
            let wide = word | word << 32
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeMutableRawPointer(base)
            while index + 8 <= end {
                let value = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                raw.storeBytes(of: value ^ wide, toByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < end {
                buffer[index] ^= key[keyIndex]
                keyIndex = (keyIndex + 1) & 3
                index += 1
            }
        }
    }
}
