import Foundation
import Testing
import WebSocket
@testable import OCPP

@Suite("Sessions over real WebSocket connections on 127.0.0.1")
struct WebSocketSessionTests {
    /// A server on 127.0.0.1, a client connected to it as `identity` (as it appears in the URL), and the server's side.
    static func connect(identity: String) async throws -> (WebSocketServer, WebSocketConnection, WebSocketConnection) {
        let server = try await WebSocketServer.start(.init(pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"]))
        let accepted = Mailbox(server.events)
        let client = try await WebSocketClient.connect(to: "ws://127.0.0.1:\(server.port)/ocpp/\(identity)",
                                                       configuration: .init(subprotocols: ["ocpp1.6"]))
        guard case .accepted(let connection)? = await accepted.next() else {
            await server.shutdown()
            throw NoConnection()
        }
        return (server, client, connection)
    }

    struct NoConnection: Error, CustomStringConvertible {
        var description: String { "the server accepted no connection" }
    }

    @Test("a connection read as transport events: its messages in order, then its closure once, then nothing")
    func transportEventReader() async throws {
        let (server, client, connection) = try await Self.connect(identity: "CP1")
        try await client.send(text: "one")
        try await client.send(binary: [7])
        await client.close(code: 1000, reason: "done")
        let reader = TransportEventReader(connection)
        let events = Mailbox(AsyncStream(unfolding: { await reader.next() }))
        #expect(await events.next() == .text("one"))
        #expect(await events.next() == .binary([7]))
        guard case .closed(let closure)? = await events.next() else {
            Issue.record("expected the closure")
            await server.shutdown()
            return
        }
        #expect(closure.code == 1000)
        #expect(closure.wasClean)
        #expect(await events.next() == nil)
        #expect(await events.finished)
        #expect(await reader.next() == nil)
        await server.shutdown()
    }

    @Test("a central system and a charge point talk OCPP over ws://, with identity and security attached and traced")
    func loopback() async throws {
        let (server, client, connection) = try await Self.connect(identity: "CP%2D7")
        let trace = TraceRecorder()
        let centralSystem = OCPPSession(transport: connection,
            info: SessionInfo(connection: connection.info, connectionId: "ws-1", role: .centralSystem),
            configuration: SessionConfiguration(trace: trace))
        let chargePoint = OCPPSession(transport: client,
            info: SessionInfo(connection: client.info, connectionId: "ws-1", role: .chargePoint))
        #expect(centralSystem.info.stationIdentity == "CP-7")
        #expect(centralSystem.info.securityMode == "ws")

        let stationCalls = Mailbox(centralSystem.incomingCalls)
        let centralCalls = Mailbox(chargePoint.incomingCalls)
        async let boot = chargePoint.call("BootNotification", ["chargePointVendor": "V", "chargePointModel": "M"])
        let bootCall = try #require(await stationCalls.next())
        try await bootCall.respondWithDefault(DefaultReplies(heartbeatInterval: 30))
        #expect(await boot.resultPayload?["interval"] == 30)

        async let reset = centralSystem.call("Reset", ["type": "Soft"], timeout: .seconds(10))
        let resetCall = try #require(await centralCalls.next())
        #expect(resetCall.action == "Reset")
        try await resetCall.respond(["status": "Accepted"])
        #expect(await reset.resultPayload == ["status": "Accepted"])

        try await client.send(binary: [0xDE, 0xAD])
        await chargePoint.close(code: 1000, reason: "rebooting")
        let closure = await centralSystem.waitUntilClosed()
        #expect(closure.code == 1000)
        #expect(closure.wasClean)
        #expect(await centralSystem.findings.map(\.kind) == [.binaryFrame])
        #expect(trace.records.map(\.kind) == [.opened, .call, .callResult, .call, .callResult, .binary, .closed])
        #expect(trace.records.allSatisfy { $0.stationIdentity == "CP-7" && $0.connectionId == "ws-1" })
        #expect(trace.records[5].raw == "3q0=")
        await server.shutdown()
    }
}
