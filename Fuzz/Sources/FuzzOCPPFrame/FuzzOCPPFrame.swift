import FuzzSupport
import OCPP

/// Bytes → JSON parser → OCPP-J frame decoder (strict and lenient) → payload validation against the OCPP 1.6
/// catalog, as a received WebSocket text message is read. Checks that a decoded value survives serialization:
/// parsing `jsonText` again gives the same value.
@main
enum FuzzOCPPFrame {
    static let validator = PayloadValidator(mode: .strict, catalog: .v16)
    static let actions = OCPPCatalog.v16.actionNames

    static func main() {
        FuzzDriver.main { input in
            guard let json = try? JSONParser().parse(bytes: input) else { return }
            let reparsed = try? JSONParser(maxDepth: 1024).parse(json.jsonText)
            if reparsed != json { fatalError("JSON round trip changed the value: \(json.jsonText)") }
            for lenient in [false, true] {
                guard let parsed = try? OCPPFrame.decode(json, lenient: lenient) else { continue }
                switch parsed.frame {
                case .call(_, let action, let payload):
                    if let report = validator.validate(payload, action: action, .request) { _ = report.description }
                case .callResult(let id, let payload):
                    let action = actions[id.utf8.count % actions.count]
                    if let report = validator.validate(payload, action: action, .response) { _ = report.description }
                case .callError:
                    break
                }
            }
            _ = try? OCPPFrame.parse(String(decoding: input, as: UTF8.self))
        }
    }
}
