import FuzzSupport
@testable import WebSocket

/// Bytes → HTTP head parser (16 KiB limit, as the client reads) → `UpgradeResponse`, the client's check of the
/// server's answer to its upgrade request (RFC 6455 §4.1), offering `ocpp1.6` and offering nothing → for a refusal,
/// the reason taken from the body that follows the head. The emulator meets this answer when it connects to a
/// central system. An accepted 101 must be a 101 with our key's Sec-WebSocket-Accept and a subprotocol we offered;
/// a refusal must wait for 0…4096 body bytes and keep its status; an invalid response must say why.
@main
enum FuzzUpgradeResponse {
    /// The key of RFC 6455's example, so seeds and the dictionary can carry its accept value.
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="
    static let offers: [[String]] = [["ocpp1.6"], []]

    static func main() {
        let accept = WebSocketAccept.value(forKey: key)
        FuzzDriver.main { input in
            let bytes = Array(input)
            guard case .complete(let head, let consumed) = HTTPHeadParser.parse(bytes[...], limit: 16 * 1024) else { return }
            precondition(consumed <= bytes.count, "the parser consumed more bytes than it was given")
            for offered in offers {
                let response: UpgradeResponse
                do throws(WebSocketClientError) {
                    response = try UpgradeResponse(head: head, key: key, offeredSubprotocols: offered)
                } catch {
                    guard case .invalidResponse(let reason) = error, !reason.isEmpty else {
                        fatalError("not an invalid response with a reason: \(error)")
                    }
                    continue
                }
                let status = head.startLine.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
                switch response {
                case .accepted(let subprotocol):
                    precondition(status == 101, "accepted a status line \(head.startLine)")
                    precondition(head.value("sec-websocket-accept") == accept, "accepted a wrong Sec-WebSocket-Accept")
                    precondition(subprotocol.map(offered.contains) ?? true, "accepted a subprotocol not offered")
                case .refused(let refusal):
                    precondition(refusal.status != 101 && refusal.status == status, "refused with status \(refusal.status)")
                    precondition((0...UpgradeResponse.Refusal.bodyLimit).contains(refusal.bodyLength),
                                 "waits for \(refusal.bodyLength) body bytes")
                    guard case .rejected(let rejected, _, _) = refusal.error(body: bytes[consumed...]), rejected == refusal.status else {
                        fatalError("a refusal reported as something else")
                    }
                }
            }
        }
    }
}
