import FuzzSupport
import OCPP

/// Bytes → JSON parser → OCPP-J frame decoder (strict and lenient) → payload validation against the OCPP 1.6
/// catalog, as a received WebSocket text message is read. Checks that a parse error points into the input, that a
/// decoded value survives serialization (parsing `jsonText` again gives the same value) and so does a decoded frame.
@main
enum FuzzOCPPFrame {
    static let validator = PayloadValidator(mode: .strict, catalog: .v16)
    static let actions = OCPPCatalog.v16.actionNames

    static func main() {
        FuzzDriver.main { input in
            let json: JSONValue
            do throws(JSONParseError) {
                json = try JSONParser().parse(bytes: input)
            } catch {
                guard (0...input.count).contains(error.offset), error.line >= 1, error.column >= 1 else {
                    fatalError("a JSON error outside the input: offset \(error.offset) line \(error.line) column \(error.column)")
                }
                return
            }
            let reparsed = try? JSONParser(maxDepth: 1024).parse(json.jsonText)
            if reparsed != json { fatalError("JSON round trip changed the value: \(json.jsonText)") }
            for lenient in [false, true] {
                guard let parsed = try? OCPPFrame.decode(json, lenient: lenient) else { continue }
                if (try? OCPPFrame.parse(parsed.frame.text).frame) != parsed.frame {
                    fatalError("a frame did not survive serialization: \(parsed.frame.text)")
                }
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
