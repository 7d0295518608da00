import OCPP
@testable import Runner

/// Runs `body` with `channel` holding one in-memory connection (described by `record`) and the station's session on
/// its other end; then closes the connection and waits until the channel has handled the close, however `body` ends.
/// A session keeps itself alive until its transport closes, so a connection left open would outlive the test
/// (LeakSanitizer reports it at exit).
func withStation<Value>(
    connectedTo channel: StationChannel,
    record: ConnectionRecord,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (_ station: OCPPSession) async throws -> Value
) async throws -> Value {
    let (centralSide, stationSide) = InMemoryTransport.pair()
    await channel.attach(transport: centralSide, record: record)
    let station = OCPPSession(transport: stationSide, info: SessionInfo(
        connectionId: record.connectionId, stationIdentity: channel.identity, role: .chargePoint))
    let value: Value
    do {
        value = try await body(station)
    } catch {
        try await disconnect(station, from: channel)
        throw error
    }
    try await disconnect(station, from: channel)
    return value
}

/// Closes the station's end of the connection and waits (10 s at most) until the channel has handled the close.
private func disconnect(_ station: OCPPSession, from channel: StationChannel) async throws {
    await station.close()
    try await within(10, "\(channel.identity)'s channel to handle the close") {
        while true {
            let mark = await channel.mark
            guard await channel.isConnected else { return }
            _ = await channel.waitForEvent(after: mark)
        }
    }
}
