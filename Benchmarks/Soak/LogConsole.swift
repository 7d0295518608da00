import ChargecheckCLI
import Foundation
import Locking

/// The runner's console during a soak: everything goes to a log file (a thousand stations' progress is too much for
/// a terminal); the listener URLs are picked out of the "Waiting for …" line.
final class LogConsole: Sendable {
    private let handle: FileHandle
    private let waitingLine = Locked<String?>(nil)
    private let verdictSeen = Locked<ContinuousClock.Instant?>(nil)

    init(path: URL) throws(SoakSetupError) {
        _ = FileManager.default.createFile(atPath: path.path, contents: nil)
        guard let handle = try? FileHandle(forWritingTo: path) else { throw SoakSetupError("cannot write \(path.path)") }
        self.handle = handle
    }

    var console: Console {
        Console(isTerminal: false, writeOutput: { [self] in write($0) }, writeError: { [self] in write($0) })
    }

    private func write(_ text: String) {
        handle.write(Data(text.utf8))
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Waiting for") { waitingLine.withLock { if $0 == nil { $0 = String(line) } } }
            if line.hasPrefix("PASSED") || line.hasPrefix("FAILED") { verdictSeen.withLock { if $0 == nil { $0 = .now } } }
        }
    }

    /// When the run's closing verdict line came: the stations are done, the reports are being written.
    var stationsDone: ContinuousClock.Instant? { verdictSeen.withLock { $0 } }

    /// The listener URLs (identity placeholder removed) once the runner listens.
    var listenerURLs: [String]? {
        guard let line = waitingLine.withLock({ $0 }) else { return nil }
        return line.split(separator: " ").filter { $0.contains("://") }.map { String($0.replacingOccurrences(of: "<identity>", with: "")) }
    }
}
