import Testing
@testable import WebSocket

/// Inbound backpressure: what a peer sends and nobody reads stays bounded.
@Suite("Backpressure: unread messages are bounded")
struct BackpressureTests {
    @Test("the inbox is full at its byte limit and drained at half of it, delivering in order")
    func byteLimit() async {
        let inbox = MessageInbox(byteLimit: 10, countLimit: 100)
        #expect(inbox.push(.text("1234")) == false)
        #expect(inbox.push(.text("5678")) == false)
        #expect(inbox.push(.text("90")) == true)
        let first = await inbox.next()
        #expect(first.message == .text("1234"))
        #expect(first.drained == false)
        let second = await inbox.next()
        #expect(second.message == .text("5678"))
        #expect(second.drained == true)
        let third = await inbox.next()
        #expect(third.message == .text("90"))
        #expect(third.drained == false)
        #expect(inbox.peakQueuedBytes == 10)
    }

    @Test("the inbox is full at its message-count limit too")
    func countLimit() async {
        let inbox = MessageInbox(byteLimit: 1 << 20, countLimit: 4)
        #expect(inbox.push(.binary([])) == false)
        #expect(inbox.push(.binary([])) == false)
        #expect(inbox.push(.binary([])) == false)
        #expect(inbox.push(.binary([])) == true)
        #expect(await inbox.next().drained == false)
        #expect(await inbox.next().drained == true)
        #expect(await inbox.next().drained == false)
    }

    @Test("after finish the queued messages still come, then nil; later pushes are ignored")
    func finish() async {
        let inbox = MessageInbox()
        #expect(inbox.push(.text("last")) == false)
        inbox.finish()
        #expect(inbox.push(.text("too late")) == false)
        #expect(await inbox.next().message == .text("last"))
        #expect(await inbox.next().message == nil)
    }

    @Test("a waiting reader gets the next message; a cancelled one gets nil")
    func waitingAndCancelled() async {
        let inbox = MessageInbox()
        async let taken = inbox.next()
        #expect(inbox.push(.binary([1, 2])) == false)
        #expect(await taken.message == .binary([1, 2]))
        let cancelled = Task { await inbox.next() }
        cancelled.cancel()
        #expect(await cancelled.value.message == nil)
    }

    @Test("a client sending 8 MiB to a server that does not read is held back; nothing is lost")
    func loopback() async throws {
        let server = try await WebSocketServer.start(.init(pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"]))
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/ocpp/CP001",
                                                       configuration: .init(subprotocols: ["ocpp1.6"]))
        let connection = try await server.nextConnection()
        let messageSize = 32 * 1024
        let count = 256
        let (progress, progressSink) = AsyncStream.makeStream(of: Int.self)
        let sender = Task {
            defer { progressSink.finish() }
            for index in 0..<count {
                try await client.send(binary: [UInt8](repeating: UInt8(index % 256), count: messageSize))
                progressSink.yield(index + 1)
            }
        }
        // Nothing is read until the client has sent 1.75 MiB, more than the 1 MiB the server keeps unread.
        try await within(30, "the client to send 1.75 MiB") {
            for await sent in progress where sent >= 56 { return }
            throw TimedOut(what: "the client to send 1.75 MiB (the sender stopped)")
        }
        let received = try await within(60, "all 256 messages") {
            var received = 0
            while received < count, let message = await connection.receive() {
                guard case .binary(let bytes) = message, bytes.count == messageSize, bytes.first == UInt8(received % 256)
                else { break }
                received += 1
            }
            return received
        }
        #expect(received == count)
        try await sender.value
        #expect(connection.session.inbox.peakQueuedBytes <= (1 << 20) + messageSize)
        await client.close()
        await server.shutdown()
    }
}
