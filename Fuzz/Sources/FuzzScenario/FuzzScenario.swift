@testable import Scenario
import FuzzSupport
import OCPP
import YAML

/// Bytes → YAML loader → scenario checker with the OCPP 1.6 catalog, exactly as `chargecheck lint` reads one file.
/// The file sits in a folder that does not exist, so `uses:` and `scenarios:` entries resolve to nothing.
/// Every diagnostic must name a place inside the input (a line and column no further than its byte count allows)
/// and say something.
@main
enum FuzzScenario {
    static let file = "/nonexistent-chargecheck-fuzz/input.yaml"

    static func main() {
        FuzzDriver.main { input in
            let session = LoadSession(catalog: .v16, limits: .standard)
            session.loadTopLevel(file, bytes: Array(input))
            for diagnostic in session.result().diagnostics {
                let location = diagnostic.location
                guard location.file == file, (1...input.count + 2).contains(location.line),
                      (1...input.count + 2).contains(location.column), !diagnostic.message.isEmpty else {
                    fatalError("a diagnostic without a place in the input: \(diagnostic)")
                }
            }
        }
    }
}
