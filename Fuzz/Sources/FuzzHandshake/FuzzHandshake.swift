import FuzzSupport
@testable import WebSocket

/// Bytes → HTTP head parser → WebSocket upgrade checks (RFC 6455 §4.2.1) under strict and lenient server policies →
/// Basic authentication, as the server reads a station's upgrade request. The same bytes are also read as a head
/// arriving in two parts (split where the first byte says), as a slow client sends it. A refusal must carry a
/// 4xx status the server sends for it and a reason.
@main
enum FuzzHandshake {
    static let configurations: [WebSocketServer.Configuration] = [
        .init(pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"], missingSubprotocol: .refuse, sloppyHandshake: .refuse,
              basicAuth: BasicAuthConfiguration(credentials: CredentialStore(["CP-1": .plain("secret"), "CP%2": .hex("00ff")]))),
        .init(),
    ]

    static func main() {
        FuzzDriver.main { input in
            let bytes = Array(input)
            let limit = 2048
            if let split = bytes.first.map(Int.init), split < bytes.count,
               case .complete = HTTPHeadParser.parse(bytes[..<split], limit: limit) {
                // A head complete in its first part must end exactly where the whole input's head ends.
                guard case .complete = HTTPHeadParser.parse(bytes[...], limit: limit) else {
                    fatalError("a head complete in a prefix is not complete in the whole input")
                }
            }
            guard case .complete(let head, let consumed) = HTTPHeadParser.parse(bytes[...], limit: limit) else { return }
            precondition(consumed <= bytes.count, "the parser consumed more bytes than it was given")
            for configuration in configurations {
                let request: UpgradeRequest
                do throws(UpgradeRequest.Refusal) {
                    request = try UpgradeRequest(head: head, configuration: configuration)
                } catch {
                    guard [400, 404, 405, 426].contains(error.status), !error.reason.isEmpty else {
                        fatalError("a refusal with status \(error.status): \(error.reason)")
                    }
                    continue
                }
                _ = WebSocketAccept.value(forKey: request.key)
                if let basicAuth = configuration.basicAuth {
                    _ = basicAuth.verify(head.value("authorization"), identity: request.identity)
                }
            }
        }
    }
}
