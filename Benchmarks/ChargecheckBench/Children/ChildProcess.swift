import Foundation
import Glibc
import Locking
import OCPP

/// This executable started again in a hidden role (`_central`, `_stations`, `_fleet`), talking JSON lines over pipes:
/// it reports on stdout, takes commands on stdin and exits when stdin closes, so no child outlives the bench.
final class ChildProcess: Sendable {
    /// The role, for messages.
    let role: String
    let pid: Int32
    private let input: FileHandle
    private let output: LineQueue
    private let process: Process

    /// Starts `chargecheck-bench ROLE ARGUMENTS…` with stdin and stdout piped and stderr shared.
    init(role: String, arguments: [String]) throws(BenchError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChildProcess.executablePath)
        process.arguments = [role] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do {
            try process.run()
        } catch {
            throw BenchError("cannot start \(role): \(error.localizedDescription)")
        }
        self.role = role
        self.process = process
        pid = process.processIdentifier
        input = stdin.fileHandleForWriting
        output = LineQueue(reading: stdout.fileHandleForReading)
        ChildRegistry.add(pid)
    }

    /// The path of this executable (children are the same binary).
    private static let executablePath: String = {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }()

    /// The child's next report, a JSON object; throws when it ended, took longer than `timeout` or sent
    /// something else. A report `{"error": "…"}` is thrown as that error.
    func nextReport(within timeout: Duration) async throws(BenchError) -> JSONValue {
        guard let line = await output.next(within: timeout) else {
            throw BenchError(process.isRunning ? "\(role) sent nothing within \(timeout)"
                                               : "\(role) ended (status \(process.terminationStatus)) without a report")
        }
        guard let report = try? JSONParser().parse(line), case .object = report else {
            throw BenchError("\(role) sent a line that is not a JSON object: \(line.prefix(200))")
        }
        if case .string(let message)? = report["error"] { throw BenchError("\(role): \(message)") }
        return report
    }

    /// Sends one command line to the child.
    func send(_ command: String) {
        try? input.write(contentsOf: Data((command + "\n").utf8))
    }

    /// Closes the child's stdin (it exits), waits up to `grace`, then kills it; always reaps it.
    func stop(grace: Duration = .seconds(10)) async {
        try? input.close()
        let start = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - start < grace {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        ChildRegistry.remove(pid)
    }
}

/// The children alive now, killed on Ctrl-C or SIGTERM before the bench exits.
enum ChildRegistry {
    private static let pids = Locked<Set<Int32>>([])
    // Written once by `killChildrenOnInterrupt()` at start-up, before any task runs; only kept alive afterwards.
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    static func add(_ pid: Int32) { pids.withLock { _ = $0.insert(pid) } }
    static func remove(_ pid: Int32) { pids.withLock { _ = $0.remove(pid) } }

    /// Makes SIGINT and SIGTERM kill every child, then exit with 130. Call once, before starting children.
    static func killChildrenOnInterrupt() {
        signalSources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                for pid in pids.withLock({ $0 }) { kill(pid, SIGKILL) }
                FileHandle.standardError.write(Data("\ninterrupted; children stopped\n".utf8))
                exit(130)
            }
            source.resume()
            return source
        }
    }
}
