import Locking

/// The received messages of one connection waiting for the application, bounded: once they hold `byteLimit` bytes or
/// `countLimit` messages, ``push(_:)`` says so and the session stops reading the socket; when the reader has taken
/// the queue down to half of both limits, ``next()`` says so and the session reads again. A peer that sends faster
/// than the application reads is thus held back by TCP instead of growing memory.
final class MessageInbox: Sendable {
    /// A message for a reader (nil: none will come) and whether taking it drained a full queue to half.
    typealias Taken = (message: WebSocketMessage?, drained: Bool)

    private struct State {
        var queue: [WebSocketMessage] = []
        var head = 0
        var queuedBytes = 0
        var full = false
        var finished = false
        /// Readers waiting for a message; they get the message and whether taking it drained a full queue.
        var waiters: [(id: Int, continuation: CheckedContinuation<Taken, Never>)] = []
        var nextWaiterId = 0
        /// The most bytes ever queued at once (for tests).
        var peakBytes = 0

        var count: Int { queue.count - head }

        mutating func take() -> WebSocketMessage {
            let message = queue[head]
            head += 1
            queuedBytes -= message.byteCount
            if head >= 64 && head * 2 >= queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return message
        }
    }

    /// Bytes queued at which reading pauses.
    let byteLimit: Int
    /// Messages queued at which reading pauses.
    let countLimit: Int
    private let state = Locked(State())

    init(byteLimit: Int = 1 << 20, countLimit: Int = 1_000) {
        self.byteLimit = max(1, byteLimit)
        self.countLimit = max(1, countLimit)
    }

    /// Hands `message` to a waiting reader or queues it; true when the queue is now full (stop reading).
    func push(_ message: WebSocketMessage) -> Bool {
        state.withLock { state in
            guard !state.finished else { return false }
            if !state.waiters.isEmpty {
                state.waiters.removeFirst().continuation.resume(returning: (message, false))
                return false
            }
            state.queue.append(message)
            state.queuedBytes += message.byteCount
            state.peakBytes = max(state.peakBytes, state.queuedBytes)
            if state.queuedBytes >= byteLimit || state.count >= countLimit { state.full = true }
            return state.full
        }
    }

    /// No more messages will come; readers get what is queued, then `nil`.
    func finish() {
        state.withLock { state in
            state.finished = true
            for waiter in state.waiters { waiter.continuation.resume(returning: (nil, false)) }
            state.waiters = []
        }
    }

    /// The next message, waiting for one (`nil` once finished and empty, or when the waiting task is cancelled), and
    /// whether taking it brought a full queue down to half its limits (time to read the socket again).
    func next() async -> Taken {
        let id = state.withLock { state in
            state.nextWaiterId += 1
            return state.nextWaiterId
        }
        let taken = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Taken, Never>) in
                state.withLock { state in
                    if let taken = Self.takeIfQueued(&state, self) {
                        continuation.resume(returning: taken)
                    } else if state.finished || Task.isCancelled {
                        continuation.resume(returning: (nil, false))
                    } else {
                        state.waiters.append((id, continuation))
                    }
                }
            }
        } onCancel: {
            state.withLock { state in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return }
                state.waiters.remove(at: index).continuation.resume(returning: (nil, false))
            }
        }
        // `push` resumed a waiting reader with the lock held; taking it once more shows ThreadSanitizer that the
        // message was written before it is read here (docs/sanitizers.md, "Continuations").
        state.withLock { _ in }
        return taken
    }

    /// The most bytes that were ever queued at once.
    var peakQueuedBytes: Int { state.withLock { $0.peakBytes } }

    /// Takes the first queued message, if any, noting whether that drained a full queue to half its limits.
    private static func takeIfQueued(_ state: inout State, _ inbox: MessageInbox) -> Taken? {
        guard state.count > 0 else { return nil }
        let message = state.take()
        let drained = state.full && state.queuedBytes <= inbox.byteLimit / 2 && state.count <= inbox.countLimit / 2
        if drained { state.full = false }
        return (message, drained)
    }
}

extension WebSocketMessage {
    /// The payload size, for bounding buffers.
    var byteCount: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .binary(let bytes): bytes.count
        }
    }
}
