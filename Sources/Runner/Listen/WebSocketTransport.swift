import OCPP
import WebSocket

/// A WebSocket connection as the transport of an OCPP session.
struct WebSocketTransport: OCPPTransport {
    let connection: WebSocketConnection
    let events: AsyncStream<TransportEvent>

    init(_ connection: WebSocketConnection) {
        self.connection = connection
        let (events, continuation) = AsyncStream.makeStream(of: TransportEvent.self)
        self.events = events
        Task(executorPreference: connection.executor) {
            for await message in connection.messages {
                switch message {
                case .text(let text): continuation.yield(.text(text))
                case .binary(let bytes): continuation.yield(.binary(bytes))
                }
            }
            let closure = await connection.closure
            continuation.yield(.closed(TransportClosure(code: Int(closure.code), reason: closure.failure?.description ?? closure.reason,
                                                        wasClean: closure.failure == nil)))
            continuation.finish()
        }
    }

    func send(_ text: String) async throws {
        try await connection.send(text: text)
    }

    func close(code: Int, reason: String) async {
        await connection.close(code: UInt16(clamping: code), reason: reason)
    }
}
