import OCPP

/// Runs `body` with a central-system session and a charge-point session talking over an in-memory pair, then closes
/// the pair and waits until both sessions have handled the close, however `body` ends. A session keeps itself alive
/// until its transport closes, so a pair left open would outlive the test (LeakSanitizer reports it at exit); so does
/// a session whose delivered CALLs nobody reads (each holds its session, to answer through it): read `incomingCalls`
/// to the end, as a `Mailbox` does, whenever the other side sends CALLs.
func withConnectedSessions<Value>(
    centralSystem centralSystemConfiguration: SessionConfiguration = SessionConfiguration(),
    chargePoint chargePointConfiguration: SessionConfiguration = SessionConfiguration(),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (_ centralSystem: OCPPSession, _ chargePoint: OCPPSession) async throws -> Value
) async rethrows -> Value {
    let (a, b) = InMemoryTransport.pair()
    let centralSystem = OCPPSession(transport: a,
        info: SessionInfo(connectionId: "c-1", stationIdentity: "CP-1", role: .centralSystem),
        configuration: centralSystemConfiguration)
    let chargePoint = OCPPSession(transport: b,
        info: SessionInfo(connectionId: "c-1", stationIdentity: "CP-1", role: .chargePoint),
        configuration: chargePointConfiguration)
    return try await withCleanup { try await body(centralSystem, chargePoint) } cleanup: {
        await closeAndWait(chargePoint)
        _ = await centralSystem.waitUntilClosed()
    }
}
