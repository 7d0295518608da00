import FuzzSupport
import Foundation
import OCPP
import Scenario

/// Bytes → `${…}` interpolation parser and expression parser → evaluation against a fixed environment (a few
/// variables of every JSON kind, a fixed clock and uuid), as templates and `expect:` conditions are evaluated.
@main
enum FuzzExpression {
    static let environment = Environment(
        variables: [
            "n": 7, "big": .integer(Int.max), "small": .integer(Int.min), "x": 2.5, "s": "text", "t": true, "z": .null,
            "list": [1, "two", 3.0, [4], ["k": 5]],
            "payload": ["idTag": "ABC", "connectorId": 1, "meterValue": [["sampledValue": [["value": "12.5"]]]]],
            "station": ["identity": "CP-1"],
        ],
        clock: { Date(timeIntervalSince1970: 1_700_000_000) },
        makeUUID: { "00000000-0000-4000-8000-000000000000" })

    static func main() {
        FuzzDriver.main { input in
            let text = String(decoding: input, as: UTF8.self)
            do throws(ExpressionSyntaxError) {
                let expression = try Expression.parse(text)
                _ = expression.freeVariables
                _ = try? expression.evaluate(in: environment)
            } catch {
                checkPlace(of: error, in: text)
            }
            do throws(ExpressionSyntaxError) {
                let interpolation = try Interpolation.parse(text)
                _ = try? interpolation.evaluate(in: environment)
            } catch {
                checkPlace(of: error, in: text)
            }
        }
    }

    /// A syntax error must point into the text (or just past its end) and say something.
    static func checkPlace(of error: ExpressionSyntaxError, in text: String) {
        guard (0...text.utf8.count).contains(error.offset), !error.message.isEmpty else {
            fatalError("a syntax error outside the text: offset \(error.offset) in \(text.utf8.count) bytes: \(error.message)")
        }
    }
}
