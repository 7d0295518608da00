import Foundation
import Report

/// Writes the reports of the sample EV24 runs (a passing and a failing station) in every format:
/// `ReportSample DIRECTORY` → `DIRECTORY/ev24-{passing,failing}.{html,xml,json}`. `make screenshots` renders the
/// HTML files with headless Chromium.
@main
enum ReportSample {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 1, let directory = arguments.first, !directory.hasPrefix("-") else {
            FileHandle.standardError.write(Data("usage: ReportSample DIRECTORY\n".utf8))
            exit(2)
        }
        var failed = false
        for (name, failing) in [("ev24-passing", false), ("ev24-failing", true)] {
            let requests = [
                ReportRequest(format: .html, path: "\(directory)/\(name).html"),
                ReportRequest(format: .junit, path: "\(directory)/\(name).xml"),
                ReportRequest(format: .json, path: "\(directory)/\(name).json"),
            ]
            for error in ReportOutput.write(SampleRun.ev24(failing: failing), to: requests) {
                FileHandle.standardError.write(Data("ReportSample: \(error)\n".utf8))
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }
}
