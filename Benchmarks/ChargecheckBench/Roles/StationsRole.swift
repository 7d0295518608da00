import Foundation
import OCPP
import WebSocket

/// `_stations`: load-generating stations in their own process. `--load` chooses the traffic:
/// - `throughput`: N stations each keep one MeterValues CALL outstanding for `--seconds` (after a one-second warm-up);
/// - `connections`: N stations connect and boot, then heartbeat every `--interval` seconds for `--seconds`;
/// - `handshakes`: `--concurrency` workers open and close mutual-TLS connections for `--seconds`.
/// Every load reports when connected, waits for `go`, runs, reports its figures and waits for stdin to end.
enum StationsRole {
    static func run(_ arguments: RoleArguments, link: ParentLink) async -> Never {
        ProcessMeasures.raiseOpenFileLimit(to: 100_000)
        guard let url = arguments["url"] else { link.fail("_stations needs --url") }
        let configuration = StationLoad.clientConfiguration(pki: arguments["pki"])
        let seconds = arguments.number("seconds", default: 10)
        let count = arguments.integer("count", default: 1000)
        switch arguments["load"] {
        case "handshakes":
            link.report(["connected": 0])
            _ = await link.nextCommand()
            link.report(await handshakes(url: url, configuration: configuration, concurrency: arguments.integer("concurrency", default: 64),
                                         seconds: seconds))
        case let load:
            let start = ContinuousClock.now
            let opened = await StationLoad.connectAll(url: url, count: count, concurrency: arguments.integer("concurrency", default: 250),
                                                      configuration: configuration)
            let connectSeconds = ProcessMeasures.seconds(since: start)
            link.report(["connected": .integer(opened.connections.count), "failures": .integer(opened.failures),
                         "firstFailure": opened.firstFailure.map { .string($0) } ?? .null, "seconds": .decimal(connectSeconds)])
            _ = await link.nextCommand()
            if load == "throughput" {
                link.report(await throughput(opened.connections, seconds: seconds))
            } else {
                link.report(await heartbeats(opened.connections, interval: arguments.number("interval", default: 5), seconds: seconds))
            }
        }
        while true { _ = await link.nextCommand() }
    }

    /// Each connection keeps one MeterValues CALL outstanding; counts answers and their latency in the window.
    private static func throughput(_ connections: [WebSocketConnection], seconds: Double) async -> JSONValue {
        let measureStart = ContinuousClock.now + .seconds(1)
        let measureEnd = measureStart + .seconds(seconds)
        let cpuStart = ProcessMeasures.cpuSeconds()
        let (latencies, failures, total) = await withTaskGroup(of: (Latencies, Int, Int).self) { group in
            for (index, connection) in connections.enumerated() {
                group.addTask(executorPreference: connection.executor) {
                    let meterValues = StationLoad.MeterValues(station: index)
                    var latencies = Latencies()
                    var messageId = 0
                    while true {
                        let sent = ContinuousClock.now
                        if sent >= measureEnd { return (latencies, 0, messageId) }
                        messageId += 1
                        guard await StationLoad.roundTrip(connection, meterValues.frame(id: messageId)) else {
                            return (latencies, 1, messageId)
                        }
                        if sent >= measureStart { latencies.record(ContinuousClock.now - sent) }
                    }
                }
            }
            var all = Latencies()
            var failures = 0
            var total = 0
            for await (latencies, failed, sent) in group {
                all.merge(latencies)
                failures += failed
                total += sent
            }
            return (all, failures, total)
        }
        let summary = latencies.summary()
        // CPU covers the warm-up too, so it is divided by every round trip, not only the measured ones.
        return ["roundTrips": .integer(latencies.count), "seconds": .decimal(seconds), "failures": .integer(failures),
                "p50ms": .decimal(summary.p50), "p99ms": .decimal(summary.p99), "maxms": .decimal(summary.max),
                "allRoundTrips": .integer(total), "cpuSeconds": .decimal(ProcessMeasures.cpuSeconds() - cpuStart)]
    }

    /// Every connection sends a Heartbeat each `interval` seconds (starts spread over the first interval).
    private static func heartbeats(_ connections: [WebSocketConnection], interval: Double, seconds: Double) async -> JSONValue {
        let start = ContinuousClock.now
        let end = start + .seconds(seconds)
        let (latencies, failures) = await withTaskGroup(of: (Latencies, Int).self) { group in
            for (index, connection) in connections.enumerated() {
                group.addTask(executorPreference: connection.executor) {
                    var latencies = Latencies()
                    var next = start + .seconds(interval * Double(index) / Double(max(connections.count, 1)))
                    var beat = 0
                    while next < end {
                        try? await Task.sleep(until: next, clock: .continuous)
                        beat += 1
                        let sent = ContinuousClock.now
                        guard await StationLoad.roundTrip(connection, StationLoad.heartbeat(id: "hb-\(beat)")) else { return (latencies, 1) }
                        latencies.record(ContinuousClock.now - sent)
                        next += .seconds(interval)
                    }
                    return (latencies, 0)
                }
            }
            var all = Latencies()
            var failures = 0
            for await (latencies, failed) in group {
                all.merge(latencies)
                failures += failed
            }
            return (all, failures)
        }
        let summary = latencies.summary()
        return ["heartbeats": .integer(latencies.count), "failures": .integer(failures), "p50ms": .decimal(summary.p50),
                "p99ms": .decimal(summary.p99), "maxms": .decimal(summary.max)]
    }

    /// Workers that open a connection, see the upgrade answered, close it, and start again.
    private static func handshakes(url: String, configuration: WebSocketClient.Configuration, concurrency: Int,
                                   seconds: Double) async -> JSONValue {
        let start = ContinuousClock.now
        let end = start + .seconds(seconds)
        let cpuStart = ProcessMeasures.cpuSeconds()
        let (latencies, failures, firstFailure) = await withTaskGroup(of: (Latencies, Int, String?).self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var latencies = Latencies()
                    var failures = 0
                    var firstFailure: String?
                    var attempt = 0
                    while ContinuousClock.now < end {
                        attempt += 1
                        let begun = ContinuousClock.now
                        do {
                            let connection = try await WebSocketClient.connect(to: "\(url)/HS-\(worker)-\(attempt)", configuration: configuration)
                            latencies.record(ContinuousClock.now - begun)
                            await connection.close()
                        } catch {
                            failures += 1
                            if firstFailure == nil { firstFailure = "\(error)" }
                        }
                    }
                    return (latencies, failures, firstFailure)
                }
            }
            var all = Latencies()
            var failures = 0
            var firstFailure: String?
            for await (latencies, failed, first) in group {
                all.merge(latencies)
                failures += failed
                firstFailure = firstFailure ?? first
            }
            return (all, failures, firstFailure)
        }
        let elapsed = ProcessMeasures.seconds(since: start)
        let summary = latencies.summary()
        return ["handshakes": .integer(latencies.count), "seconds": .decimal(elapsed), "failures": .integer(failures),
                "firstFailure": firstFailure.map { .string($0) } ?? .null,
                "p50ms": .decimal(summary.p50), "p99ms": .decimal(summary.p99),
                "cpuSeconds": .decimal(ProcessMeasures.cpuSeconds() - cpuStart)]
    }
}
