import Foundation
import Glibc
import Locking
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

extension LiveStationTests {
    @Test("--limit message-size: a station's larger message closes its connection with 1009, the limit in the reason")
    func messageSizeLimit() async throws {
        var options = RunOptions(stationSource: .live(listeners: []))
        try options.limits.set("message-size=1KiB")
        let ended = Shared<TransportClosure?>(nil)
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
            ended.set(try await within(10, "the station to be disconnected") { await station.session.waitUntilClosed() })
        }
        #expect(ended.value?.code == 1009)
        let station = try #require(result.stations.first)
        #expect(station.scenarios.map(\.verdict) == [.pass], "\(station.scenarios.map { $0.reason ?? "" })")
        let closure = station.connections.first?.closure ?? "no closure"
        #expect(closure.contains("exceeds the limit of 1024 bytes"), "\(closure)")
        #expect(closure.hasSuffix("if the station needs more, raise it with --limit message-size=…"), "\(closure)")
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
            #expect(during >= roundTrips, "the flood went on while the other station measured: \(during) CALLs")
            #expect(await flooder.session.closedBy == nil)
            for station in [flooder, other] { await station.call("DataTransfer", ["vendorId": "ACME"]) }
        }
        #expect(slowest.value < .seconds(2), "slowest round trip \(slowest.value)")
        #expect(result.stations.count == 2)
        #expect(result.stations.allSatisfy { $0.scenarios.map(\.verdict) == [.pass] },
                "\(result.stations.map { $0.scenarios.map { $0.reason ?? "" } })")
    }
}

extension LiveStationTests {
    @Test("--limit header-size and handshake-time: an oversized request head (431) and a stalled handshake are refused, each naming the peer and the limit to raise")
    func handshakeLimits() async throws {
        var options = RunOptions(stationSource: .live(listeners: []))
        try options.limits.set("header-size=1KiB")
        // Long enough for the well-behaved station's handshake on a loaded machine, short for the stalled one.
        try options.limits.set("handshake-time=2s")
        let result = try await runLive(["a.yaml": "scenario: Plain\nid: plain\nsteps:\n  - expect: BootNotification\n"],
                                       options: options) { url in
            let port = try #require(URL(string: url)?.port)
            let big = try RawClient(port: port)
            big.write("GET /ocpp/CP-BIG HTTP/1.1\r\nHost: x\r\nX-Padding: \(String(repeating: "p", count: 2048))\r\n\r\n")
            let stalled = try RawClient(port: port)
            stalled.write("GET /ocpp/CP-SLOW HTTP/1.1\r\n")
            let answers = try await within(10, "both to be answered") { [big, stalled] in (big.readAll(), stalled.readAll()) }
            #expect(answers.0.hasPrefix("HTTP/1.1 431"))
            #expect(answers.1.hasPrefix("HTTP/1.1 408"))
            _ = try await Self.station("CP-7", at: url)
        }
        #expect(result.stations.map(\.identity) == ["CP-7"])
        let head = try #require(result.handshakeRejections.first { $0.contains("431") })
        #expect(head.contains(": 127.0.0.1:"), "names the peer: \(head)")
        #expect(head.hasSuffix("raise it with --limit header-size=…"), "\(head)")
        let slow = try #require(result.handshakeRejections.first { $0.contains("handshake not completed within") })
        #expect(slow.hasSuffix("raise it with --limit handshake-time=…"), "\(slow)")
    }
}

/// A plain TCP client for handshakes no WebSocket client would send.
final class RawClient: Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = try connectToLoopback(port: port)
    }

    func write(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Everything until the server closes (blocking; call it inside a bounded wait).
    func readAll() -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer.prefix(count)
        }
        return String(decoding: received, as: UTF8.self)
    }

    deinit { close(fd) }
}

/// A value several tasks of one test share.
final class Shared<Value: Sendable>: Sendable {
    private let state: Locked<Value>

    init(_ value: Value) { state = Locked(value) }

    var value: Value { state.withLock { $0 } }
    func set(_ value: Value) { state.withLock { $0 = value } }
    func update(_ change: (inout Value) -> Void) { state.withLock { change(&$0) } }
}
