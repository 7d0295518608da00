@testable import Scenario
import FuzzSupport
import OCPP
import YAML

/// Bytes → YAML loader → scenario checker with the OCPP 1.6 catalog, exactly as `chargecheck lint` reads one file.
/// The file sits in a folder that does not exist, so `uses:` and `scenarios:` entries resolve to nothing.
@main
enum FuzzScenario {
    static func main() {
        FuzzDriver.main { input in
            let session = LoadSession(catalog: .v16, limits: .standard)
            session.loadTopLevel("/nonexistent-chargecheck-fuzz/input.yaml", bytes: Array(input))
            let result = session.result()
            for diagnostic in result.diagnostics { _ = diagnostic.description }
        }
    }
}
