import Foundation
import Locking

/// An operator at the station, asked on the terminal: the instruction is shown ("Unplug the cable from connector 1"),
/// and the step goes on when the operator presses Enter, or as soon as the station sends something (the scenario's
/// next steps check what it did). `s` skips: the scenario ends SKIPPED. No key and no reaction within the act's
/// bound: INCONCLUSIVE.
public struct OperatorPrompt: ActionPerformer {
    /// Shows the prompt (through the run's console, e.g. as ``RunEvent/operatorPrompt(station:prompt:within:)``).
    let show: @Sendable (ActionRequest) -> Void
    /// The descriptor keys are read from (standard input).
    let input: Int32

    public init(input: Int32 = STDIN_FILENO, show: @escaping @Sendable (ActionRequest) -> Void) {
        self.input = input
        self.show = show
    }

    public var isAvailable: Bool { true }
    public var unavailableReason: String { "" }

    /// What ended the prompt.
    enum Answer: Sendable {
        case confirmed, skipped, stationReacted, timedOut
    }

    public func perform(_ request: ActionRequest, stationReacted: @escaping @Sendable () async -> Void) async -> ActionResult {
        show(request)
        let reader = KeyReader(descriptor: input)
        let answer = await withTaskGroup(of: Answer.self) { group in
            group.addTask {
                if let key = await reader.nextKey() { return key == "s" ? .skipped : .confirmed }
                // Input ended (or the reader was stopped): only the station or the clock can end the prompt now.
                try? await Task.sleep(for: request.within)
                return .timedOut
            }
            group.addTask {
                await stationReacted()
                return Task.isCancelled ? .timedOut : .stationReacted
            }
            group.addTask {
                try? await Task.sleep(for: request.within)
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            reader.stop()
            group.cancelAll()
            return first
        }
        let record = ActionRecord(act: request.act.rawValue, connector: request.connector, idTag: request.idTag,
                                  errorCode: request.errorCode, prompt: request.prompt, performer: .operator)
        switch answer {
        case .confirmed, .stationReacted: return ActionResult(outcome: .passed, record: record)
        case .skipped: return ActionResult(outcome: .skipped, record: record, message: "the operator skipped: \(request.prompt)")
        case .timedOut:
            return ActionResult(outcome: .inconclusive, record: record,
                                message: "the operator did not act within \(request.within): \(request.prompt)")
        }
    }
}

/// Reads one key from a terminal without waiting for a line (the terminal is put in non-canonical mode while
/// waiting and restored after), polling so that it can be stopped.
final class KeyReader: Sendable {
    let descriptor: Int32
    /// Set to end the wait; the mutex guards it across the reading thread and the caller.
    private let stopped = Locked(false)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func stop() {
        stopped.withLock { $0 = true }
    }

    /// The next key pressed (lowercased), or `nil` once stopped or when input ends.
    func nextKey() async -> Character? {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.readKey()) }.start()
        }
    }

    private func readKey() -> Character? {
        var saved = termios()
        let isTerminal = tcgetattr(descriptor, &saved) == 0
        if isTerminal {
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
            tcsetattr(descriptor, TCSANOW, &raw)
        }
        defer { if isTerminal { tcsetattr(descriptor, TCSANOW, &saved) } }
        while !stopped.withLock({ $0 }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            guard read(descriptor, &byte, 1) == 1 else { return nil }
            return Character(Unicode.Scalar(byte)).lowercased().first
        }
        return nil
    }
}
