@testable import Scenario
import FuzzSupport
import OCPP
import YAML

/// Bytes → YAML loader → scenario checker with the OCPP 1.6 catalog, exactly as `chargecheck lint` reads one file.
/// The file sits in a folder that does not exist, so `uses:` and `scenarios:` entries resolve to nothing.
/// Every diagnostic must name a place (in the input: a line and column no further than its byte count allows; a file
/// the input names, such as `scenarios: [/dev/zero]`, is reported at line 1) and say something.
@main
enum FuzzScenario {
    static let file = "/nonexistent-chargecheck-fuzz/input.yaml"
    /// Lower than the loader's 100,000 so that an input naming a big folder (`scenarios: [/]`) stays well under
    /// libFuzzer's 10 s per input under the address sanitizer; the bound works the same.
    static let maximumFolderEntries = 1_000

    static func main() {
        FuzzDriver.main { input in
            let session = LoadSession(catalog: .v16, limits: .standard, maximumFolderEntries: maximumFolderEntries)
            session.loadTopLevel(file, bytes: Array(input))
            for diagnostic in session.result().diagnostics {
                let location = diagnostic.location
                let bound = location.file == file ? input.count + 2 : Int.max
                guard (1...bound).contains(location.line), (1...bound).contains(location.column), !diagnostic.message.isEmpty else {
                    fatalError("a diagnostic without a place in the input: \(diagnostic)")
                }
            }
        }
    }
}
