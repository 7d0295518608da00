import Foundation
import Locking

/// Lines read from a pipe on a plain thread (blocking reads stay off the cooperative pool), taken one at a time
/// with a bounded wait.
final class LineQueue: Sendable {
    private struct State {
        var lines: [String] = []
        var partial: [UInt8] = []
        var ended = false
        var waiter: CheckedContinuation<String?, Never>?
        var waitNumber = 0
    }

    private let state = Locked(State())

    /// Starts reading `handle` until end of file, then calls `onEnd` (if given) on the reading thread.
    init(reading handle: FileHandle, onEnd: (@Sendable () -> Void)? = nil) {
        Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                append(chunk)
            }
            finish()
            onEnd?()
        }.start()
    }

    /// The next line, or `nil` when the pipe ended or nothing came within `timeout`.
    func next(within timeout: Duration) async -> String? {
        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let waitNumber: Int? = state.withLock { state in
                if !state.lines.isEmpty {
                    continuation.resume(returning: state.lines.removeFirst())
                    return nil
                }
                if state.ended {
                    continuation.resume(returning: nil)
                    return nil
                }
                state.waitNumber += 1
                state.waiter = continuation
                return state.waitNumber
            }
            guard let waitNumber else { return }
            Task {
                try? await Task.sleep(for: timeout)
                let expired = self.state.withLock { state -> CheckedContinuation<String?, Never>? in
                    guard state.waitNumber == waitNumber, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                }
                expired?.resume(returning: nil)
            }
        }
    }

    private func append(_ chunk: Data) {
        let waiter = state.withLock { state -> (CheckedContinuation<String?, Never>, String)? in
            state.partial += chunk
            while let newline = state.partial.firstIndex(of: UInt8(ascii: "\n")) {
                state.lines.append(String(decoding: state.partial[..<newline], as: UTF8.self))
                state.partial.removeFirst(newline + 1)
            }
            guard let waiter = state.waiter, !state.lines.isEmpty else { return nil }
            state.waiter = nil
            return (waiter, state.lines.removeFirst())
        }
        if let (continuation, line) = waiter { continuation.resume(returning: line) }
    }

    private func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
            state.ended = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }
}
