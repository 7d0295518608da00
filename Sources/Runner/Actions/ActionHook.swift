import Foundation
import Locking
import OCPP

/// `--action-hook COMMAND`: a lab's automation performs physical acts. The command runs through `/bin/sh -c` with
/// `CHARGECHECK_ACTION`, `CHARGECHECK_CONNECTOR`, `CHARGECHECK_ID_TAG`, `CHARGECHECK_STATION` (and
/// `CHARGECHECK_ERROR_CODE`, `CHARGECHECK_PROMPT`) in its environment and ``ActionRequest/hookJSON`` on stdin.
/// Exit status 0 passes the step; any other fails it with the hook's output.
public struct ActionHook: ActionPerformer {
    /// The command line.
    public let command: String
    /// How much of the hook's output the report keeps.
    static let outputLimit = 4096

    public init(command: String) {
        self.command = command
    }

    public var isAvailable: Bool { true }
    public var unavailableReason: String { "" }

    public func perform(_ request: ActionRequest, stationReacted: @escaping @Sendable () async -> Void) async -> ActionResult {
        var record = ActionRecord(act: request.act.rawValue, connector: request.connector, idTag: request.idTag,
                                  errorCode: request.errorCode, prompt: request.prompt, performer: .hook, command: command)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["CHARGECHECK_ACTION"] = request.act.rawValue
        environment["CHARGECHECK_CONNECTOR"] = String(request.connector)
        environment["CHARGECHECK_ID_TAG"] = request.idTag ?? ""
        environment["CHARGECHECK_STATION"] = request.station
        environment["CHARGECHECK_ERROR_CODE"] = request.errorCode ?? ""
        environment["CHARGECHECK_PROMPT"] = request.prompt
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let exited = ProcessExit()
        process.terminationHandler = { process in
            exited.signal(process.terminationStatus)
            // Foundation on Linux lets a Process go only in waitUntilExit(): until then the process and its run-loop
            // source keep each other alive (about 3 KB per hook run, found by LeakSanitizer). It has exited when this
            // handler runs, so waitUntilExit() returns at once, breaking the cycle.
            process.waitUntilExit()
        }
        do {
            try process.run()
        } catch {
            return ActionResult(outcome: .error, record: record, message: "the action hook could not start: \(error)")
        }
        let collected = Self.collect(output.fileHandleForReading)
        try? input.fileHandleForWriting.write(contentsOf: Data((request.hookJSON.jsonText + "\n").utf8))
        try? input.fileHandleForWriting.close()
        let pid = process.processIdentifier
        let status = await exited.wait(upTo: request.within) { kill(pid, SIGKILL) }
        let text = await collected.value
        record.exitStatus = status
        record.output = text
        guard let status else {
            return ActionResult(outcome: .inconclusive, record: record,
                                message: "the action hook did not finish within \(request.within)")
        }
        guard status == 0 else {
            let last = text.split(separator: "\n").last.map(String.init) ?? ""
            return ActionResult(outcome: .failed, record: record,
                                message: "the action hook exited with status \(status)\(last.isEmpty ? "" : ": \(last)")")
        }
        return ActionResult(outcome: .passed, record: record)
    }

    /// Reads a pipe to its end on a thread of its own (a hook that writes much must not block), keeping the start.
    static func collect(_ handle: FileHandle) -> Task<String, Never> {
        Task.detached {
            let data = (try? handle.readToEnd()) ?? Data()
            let text = String(decoding: data.prefix(outputLimit), as: UTF8.self)
            return data.count > outputLimit ? text + "…" : text
        }
    }
}

/// The exit status of a process, once it exits; waited on with a bound.
final class ProcessExit: Sendable {
    private let state = Locked<(status: Int32?, waiters: [CheckedContinuation<Int32?, Never>])>((nil, []))

    func signal(_ status: Int32) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    /// The status, or `nil` when the process was still running after `limit` (then `stop` ended it; this returns once
    /// it has exited).
    func wait(upTo limit: Duration, stop: @escaping @Sendable () -> Void) async -> Int32? {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let status = self.state.withLock { state -> Int32? in
                        if state.status == nil { state.waiters.append(continuation) }
                        return state.status
                    }
                    if let status { continuation.resume(returning: status) }
                }
            }
            group.addTask {
                guard (try? await Task.sleep(for: limit)) != nil else { return nil }
                stop()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
