import FuzzSupport
@testable import WebSocket

/// Bytes → WebSocket frame parser, as a connection reads them. The first byte chooses the side (bit 0: a server,
/// expecting masked frames, or a client) and how the rest arrives (bits 1–7: the size of each read, 1 to 128 bytes),
/// so the parser is also tried on frames split at every place. Each message it yields is encoded again and must parse
/// back to itself; each violation earns close code 1002, 1007 or 1009.
@main
enum FuzzWebSocketFrame {
    static let maximumMessageSize = 64 * 1024

    static func main() {
        FuzzDriver.main { input in
            guard let control = input.first else { return }
            let expectMasked = control & 1 == 1
            let readSize = Int(control >> 1) + 1
            var parser = FrameParser(expectMasked: expectMasked, maximumMessageSize: maximumMessageSize)
            var buffer = ByteBuffer()
            var offset = 1
            reading: while offset < input.count {
                let end = min(offset + readSize, input.count)
                buffer.append(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
                offset = end
                while true {
                    let event: FrameEvent?
                    do throws(ProtocolViolation) {
                        event = try parser.next(from: &buffer)
                    } catch {
                        guard [1002, 1007, 1009].contains(error.code), !error.detail.isEmpty else {
                            fatalError("a violation with close code \(error.code): \(error.detail)")
                        }
                        break reading
                    }
                    guard let event else { break }
                    if case .message(let message) = event { checkRoundTrip(message, masked: expectMasked) }
                }
            }
        }
    }

    /// Encodes `message` as one frame and parses it with a fresh parser: the same message must come out.
    static func checkRoundTrip(_ message: WebSocketMessage, masked: Bool) {
        let frame: [UInt8]
        switch message {
        case .text(let text): frame = FrameEncoder.encode(.text, payload: Array(text.utf8), masked: masked)
        case .binary(let bytes): frame = FrameEncoder.encode(.binary, payload: bytes, masked: masked)
        }
        var parser = FrameParser(expectMasked: masked, maximumMessageSize: maximumMessageSize)
        var buffer = ByteBuffer()
        frame.withUnsafeBytes { buffer.append($0) }
        guard case .message(let again)? = try? parser.next(from: &buffer), again == message else {
            fatalError("a message parsed from the input did not survive encoding: \(message)")
        }
    }
}
