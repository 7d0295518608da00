import Foundation
import Glibc
import OCPP

/// A child's side of the pipes: reports to the parent as JSON lines, commands from it as lines; the end of stdin
/// (the parent finished, died or was interrupted) ends the child at once, whatever it is doing.
final class ParentLink: Sendable {
    private let commands: LineQueue

    init() {
        commands = LineQueue(reading: FileHandle.standardInput, onEnd: { exit(0) })
    }

    /// Writes one report line.
    func report(_ value: JSONValue) {
        FileHandle.standardOutput.write(Data((value.jsonText + "\n").utf8))
    }

    /// Reports a failure the parent shows as the workload's error, and exits.
    func fail(_ message: String) -> Never {
        report(["error": .string(message)])
        exit(1)
    }

    /// The parent's next command; exits the process when stdin ends or nothing came within `timeout`.
    func nextCommand(within timeout: Duration = .seconds(3600)) async -> String {
        guard let command = await commands.next(within: timeout) else { exit(0) }
        return command
    }
}
