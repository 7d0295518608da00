import FuzzSupport
import OCPP

/// Bytes → `chargecheck check-trace`: JSON lines of a recorded trace, each frame decoded and validated, calls paired
/// with their results per connection. Findings must count what the result says they count.
@main
enum FuzzTrace {
    static func main() {
        FuzzDriver.main { input in
            let result = CheckTrace.check(text: String(decoding: input, as: UTF8.self), source: "fuzz.jsonl")
            guard result.frameCount <= result.recordCount, result.errorCount + result.warningCount <= result.findings.count else {
                fatalError("a trace check's counts disagree: \(result.text)")
            }
            _ = result.text
        }
    }
}
