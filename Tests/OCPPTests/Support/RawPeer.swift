import OCPP

/// The raw end of an in-memory connection, for playing a peer that misbehaves on purpose.
struct RawPeer {
    let transport: InMemoryTransport
    let inbox: Mailbox<TransportEvent>

    init(_ transport: InMemoryTransport) {
        self.transport = transport
        inbox = Mailbox(transport.events)
    }

    /// The next text message, parsed as a frame; `nil` on timeout, close or a malformed frame.
    func nextFrame() async -> OCPPFrame? {
        guard case .text(let text)? = await inbox.next() else { return nil }
        return try? OCPPFrame.parse(text).frame
    }

    func send(_ text: String) async throws {
        try await transport.send(text)
    }
}

/// Runs `body` with a session (a central system's, unless `info` says otherwise) on one end of an in-memory pair and a
/// raw peer on the other, then closes the pair and waits until the session has handled the close, however `body`
/// ends. A session keeps itself alive until its transport closes, so a pair left open would outlive the test
/// (LeakSanitizer reports it at exit); so does a session whose delivered CALLs nobody reads (each holds its session,
/// to answer through it): read `incomingCalls` to the end, as a `Mailbox` does, whenever the peer sends CALLs.
func withSessionAndRawPeer<Value>(
    info: SessionInfo = SessionInfo(connectionId: "c-1", stationIdentity: "CP-1", role: .centralSystem),
    configuration: SessionConfiguration = SessionConfiguration(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (OCPPSession, RawPeer) async throws -> Value
) async rethrows -> Value {
    let (local, remote) = InMemoryTransport.pair()
    let session = OCPPSession(transport: local, info: info, configuration: configuration)
    let peer = RawPeer(remote)
    return try await withCleanup { try await body(session, peer) } cleanup: { await closeAndWait(session) }
}

/// Closes `session`'s connection (both ends, for an in-memory pair; nothing if it is closed already) and waits until
/// the session has handled the close.
func closeAndWait(_ session: OCPPSession) async {
    await session.close()
    _ = await session.waitUntilClosed()
}
