import Foundation
import OCPP
import Synchronization
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

extension LiveStationTests {
    @Test("--limit message-size: a station's larger message closes its connection with 1009, the limit in the reason")
    func messageSizeLimit() async throws {
        var options = RunOptions(stationSource: .live(listeners: []))
        try options.limits.set("message-size=1KiB")
        let closure = Shared<TransportClosure?>(nil)
        let result = try await runLive(["a.yaml": """
            scenario: Too big
            id: too-big
            steps:
              - expect: BootNotification
              - expect-disconnect: true
                within: 30s
            """], options: options) { url in
            let station = try await ScriptedStation.connect(identity: "CP-7", endpoint: StationEndpoint(listenerURL: url, identity: "CP-7", mode: .ws))
            await station.boot()
            await station.call("DataTransfer", ["vendorId": "ACME", "data": .string(String(repeating: "x", count: 2000))])
            let ended = try await within(10, "the station to be disconnected") { await station.session.waitUntilClosed() }
            closure.set(ended)
        }
        #expect(closure.value?.code == 1009)
        let station = try #require(result.stations.first)
        #expect(station.scenarios.map(\.verdict) == [.pass], "\(station.scenarios.map { $0.reason ?? "" })")
        #expect(station.connections.first?.closure?.contains("exceeds the limit of 1024 bytes") == true,
                "\(station.connections.first?.closure ?? "no closure")")
    }

    @Test("fairness: while one station floods CALLs as fast as the runner takes them, another's round trips stay under two seconds",
          .timeLimit(.minutes(2)))
    func floodDoesNotStarveOthers() async throws {
        var options = RunOptions(stationSource: .live(listeners: []))
        options.stationCount = 2
        try options.limits.set("pending-calls=1000000")  // the flooder is not cut off: fairness must come from scheduling
        let flooded = Shared(0)
        let slowest = Shared(Duration.zero)
        let result = try await runLive(["a.yaml": """
            scenario: Flood
            id: flood
            steps:
              - expect: BootNotification
              - expect: DataTransfer
                within: 90s
            """], options: options) { url in
            let flooder = try await Self.station("CP-FLOOD", at: url)
            let other = try await Self.station("CP-OTHER", at: url)
            let flood = Task {
                await withTaskGroup(of: Void.self) { group in
                    for writer in 1...4 {
                        group.addTask {
                            var number = 0
                            while !Task.isCancelled {
                                number += 1
                                do { try await flooder.session.send(raw: #"[2,"f\#(writer)-\#(number)","Heartbeat",{}]"#) } catch { return }
                                flooded.update { $0 += 1 }
                            }
                        }
                    }
                }
            }
            let updates = flooder.session.findingUpdates
            _ = try await within(30, "the flood to be answered 1,000 times") {
                var answered = 0
                for await _ in updates {
                    answered += 1
                    if answered >= 1_000 { break }
                }
                return answered
            }
            let before = flooded.value
            let roundTrips = 50
            for _ in 0..<roundTrips {
                let start = ContinuousClock.now
                let outcome = await other.call("Heartbeat", [:])
                guard case .result = outcome else { Issue.record("the other station's Heartbeat got \(outcome)"); break }
                let elapsed = start.duration(to: .now)
                slowest.update { $0 = max($0, elapsed) }
            }
            let during = flooded.value - before
            flood.cancel()
            #expect(during >= 5 * roundTrips, "the flood went on while the other station measured: \(during) CALLs")
            #expect(await flooder.session.closedBy == nil)
            for station in [flooder, other] { await station.call("DataTransfer", ["vendorId": "ACME"]) }
        }
        #expect(slowest.value < .seconds(2), "slowest round trip \(slowest.value)")
        #expect(result.stations.count == 2)
        #expect(result.stations.allSatisfy { $0.scenarios.map(\.verdict) == [.pass] },
                "\(result.stations.map { $0.scenarios.map { $0.reason ?? "" } })")
    }
}

/// A value several tasks of one test share.
final class Shared<Value: Sendable>: Sendable {
    private let state: Mutex<Value>

    init(_ value: Value) { state = Mutex(value) }

    var value: Value { state.withLock { $0 } }
    func set(_ value: Value) { state.withLock { $0 = value } }
    func update(_ change: (inout Value) -> Void) { state.withLock { change(&$0) } }
}
