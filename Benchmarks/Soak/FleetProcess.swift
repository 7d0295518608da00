import Foundation

/// One `chargecheck emulate` child process: a group of stations sharing a fault profile (or none), its output in a
/// log file.
final class FleetProcess {
    let process = Process()
    let firstIdentity: String
    let count: Int
    let fault: String?
    let log: URL

    init(executable: String, csms: String, firstIdentity: String, count: Int, fault: String?, profile: String, log: URL) {
        self.firstIdentity = firstIdentity
        self.count = count
        self.fault = fault
        self.log = log
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["emulate", "--csms", csms, "--id", firstIdentity, "--count", "\(count)", "--profile", profile]
            + (fault.map { ["--fault", $0] } ?? [])
    }

    /// Starts the process, its output going to the log (the soak keeps no descriptor of it: they are counted).
    func start() throws {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Sends SIGTERM (the emulator stops its stations, closing with 1000, and prints its summary) and waits.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The `total:` line's numbers: CALLs the stations sent (attempted), CALLs they received, and their CALLs that got no
    /// answer (among them those the connection was lost under, which may never have left the station).
    func totals() -> (sent: Int, received: Int, unanswered: Int)? {
        guard let text = try? String(contentsOf: log, encoding: .utf8),
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("total:") }) else { return nil }
        func number(after word: String) -> Int? {
            guard let range = line.range(of: word + " ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        func number(before word: String) -> Int? {
            guard let range = line.range(of: " " + word) else { return nil }
            return Int(String(line[..<range.lowerBound].reversed().prefix { $0.isNumber }.reversed()))
        }
        guard let sent = number(after: "sent"), let received = number(after: "received"),
              let unanswered = number(before: "unanswered") else { return nil }
        return (sent, received, unanswered)
    }

    /// The identities of the group, as `chargecheck emulate --count` numbers them.
    var identities: [String] {
        let digits = firstIdentity.reversed().prefix(while: \.isNumber).count
        let stem = String(firstIdentity.dropLast(digits))
        let first = Int(firstIdentity.suffix(digits)) ?? 1
        return (0..<count).map { "\(stem)\(first + $0)" }
    }
}
