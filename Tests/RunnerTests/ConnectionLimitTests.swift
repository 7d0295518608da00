import Foundation
import OCPP
@testable import Runner
import Testing

extension LiveStationTests {
    @Test("one connection per identity: a second connection of the same station replaces the first (closed 1008 with the reason); the scenario continues on the new one")
    func secondConnectionReplacesFirst() async throws {
        let result = try await runLive(["a.yaml": """
            scenario: Replaced
            id: replaced
            steps:
              - expect: BootNotification
              - expect: StatusNotification
                match: { status: Preparing }
              - send: ClearCache
                match: { status: Accepted }
            """]) { url in
            let old = try await Self.station("CP-7", at: url)
            let closure = Task { await old.session.waitUntilClosed() }
            let new = try await Self.station("CP-7", at: url)
            let ended = try await within(10, "the first connection to be closed") { await closure.value }
            #expect(ended.code == 1008)
            #expect(ended.reason.contains("1008 \"replaced by a newer connection from 127.0.0.1:"))
            await new.status(1, "Preparing")
        }
        let station = try #require(result.stations.first)
        #expect(result.stations.count == 1)
        #expect(station.scenarios.map(\.verdict) == [.pass], "\(station.scenarios.map { $0.reason ?? "" })")
        #expect(station.connections.count == 2)
        #expect(station.connections.first?.closure?.contains("replaced by a newer connection from 127.0.0.1:") == true)
    }
}
