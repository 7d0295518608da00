import Locking
import OCPP
import WebSocket

/// The station's OCPP transport: a WebSocket connection that keeps the wire's order between the answer to the
/// station's own CALL and a central-system CALL right behind it.
///
/// The session hands answers and incoming CALLs to different tasks, so without this a central system that answers
/// StartTransaction and at once sends RemoteStopTransaction for the id it just gave could find the station not yet
/// knowing that id. Here a CALL that arrives after such an answer is passed on only once the station has taken the
/// answer in (`answerHandled()`), or after two seconds at most.
final class OrderedTransport: OCPPTransport {
    let connection: WebSocketConnection
    let events: AsyncStream<TransportEvent>
    private let order = CallOrder()

    init(_ connection: WebSocketConnection) {
        self.connection = connection
        let reader = TransportEventReader(connection)
        let order = self.order
        // Pulled as the session reads (nothing buffered ahead), so a flooding central system is held back by TCP.
        events = AsyncStream(unfolding: {
            let event = await reader.next()
            switch event {
            case .text(let text)?:
                switch Self.frameStart(text) {
                case .answer(let id)?: order.answerArrived(id)
                case .call?: await order.waitForPendingAnswer(atMost: .seconds(2))
                case nil: break
                }
            case .binary?:
                break
            case .closed?, nil:
                order.release()
            }
            return event
        })
    }

    func send(_ text: String) async throws {
        if case .call(let id)? = Self.frameStart(text) { order.callSent(id) }
        try await connection.send(text: text)
    }

    func close(code: UInt16, reason: String) async {
        await connection.close(code: code, reason: reason)
    }

    /// The station has taken in the outcome of its last CALL.
    func answerHandled() {
        order.settled()
    }

    /// The kind and id of an OCPP-J frame, `nil` when it is not one.
    enum FrameStart: Equatable {
        case call(String)
        case answer(String)
    }

    static func frameStart(_ text: String) -> FrameStart? {
        guard let frame = try? JSONParser().parse(text).arrayValue, frame.count >= 3,
            let type = frame[0].integerValue, let id = frame[1].stringValue
        else { return nil }
        switch type {
        case 2: return .call(id)
        case 3, 4: return .answer(id)
        default: return nil
        }
    }
}

/// Whether an answer to the station's last CALL has arrived but not been taken in, and who waits for it to be.
final class CallOrder: Sendable {
    private struct State {
        /// The message id of the station's last CALL.
        var lastCallId: String?
        /// The id of the last CALL whose outcome the station has taken in.
        var settledCallId: String?
        var answerPending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    /// Guards the state shared by the reading task, the sender and the station.
    private let state = Locked(State())

    func callSent(_ id: String) {
        state.withLock { state in
            state.lastCallId = id
            state.answerPending = false
        }
    }

    func answerArrived(_ id: String) {
        state.withLock { state in
            if id == state.lastCallId, id != state.settledCallId { state.answerPending = true }
        }
    }

    func settled() {
        state.withLock { state in
            state.settledCallId = state.lastCallId
        }
        release()
    }

    /// Lets whoever waits go on.
    func release() {
        let waiter = state.withLock { state in
            state.answerPending = false
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Returns once a pending answer has been taken in, or after `limit`.
    func waitForPendingAnswer(atMost limit: Duration) async {
        guard state.withLock({ $0.answerPending }) else { return }
        let timeout = Task { [weak self] in
            do { try await Task.sleep(for: limit) } catch { return }
            self?.release()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                guard state.answerPending else { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
        timeout.cancel()
    }
}
