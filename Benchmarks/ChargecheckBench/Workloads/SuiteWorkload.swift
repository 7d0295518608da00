import ChargecheckCLI
import Foundation

/// `suite`: `chargecheck run scenarios/ev24 --time-scale max` (run time jumps to the next deadline whenever the run
/// waits) against the built-in emulator, in this process through the CLI's own entry point, timed on the wall clock.
enum SuiteWorkload {
    static func measure(options: BenchOptions) async throws(BenchError) -> WorkloadResult {
        let scale = options.timeScale ?? "max"
        guard FileManager.default.fileExists(atPath: options.suitePath) else {
            throw BenchError("suite: \(options.suitePath) does not exist; run from the repository root or give --suite PATH")
        }
        let console = CapturedConsole()
        let start = ContinuousClock.now
        let status = await Chargecheck.main(["run", options.suitePath, "--time-scale", scale], console: console.console)
        let wall = ProcessMeasures.seconds(since: start)
        var result = WorkloadResult(workload: "suite", parameters: [
            ("scenarios", .string(options.suitePath)), ("timeScale", .string(scale)), ("stations", "built-in emulator"),
        ], figures: [
            Figure("wallSeconds", "wall time", wall, unit: "s", target: .below(10)),
            Figure("exitStatus", "exit status of chargecheck run", Double(status)),
        ])
        if status != 0 {
            let summary = console.output.split(separator: "\n").suffix(5).joined(separator: " | ")
            result.notes.append("chargecheck run exited \(status): \(summary) \(console.error.prefix(300))")
        }
        return result
    }
}
