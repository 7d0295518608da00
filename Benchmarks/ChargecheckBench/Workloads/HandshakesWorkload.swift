import OCPP

/// `handshakes`: workers open a wss connection with mutual TLS (TCP, TLS with both certificates checked, WebSocket
/// upgrade) and close it, again and again: new connections per second.
enum HandshakesWorkload {
    static func measure(options: BenchOptions) async throws(BenchError) -> WorkloadResult {
        let seconds = options.seconds ?? 10
        let concurrency = 64
        let pki = try BenchPKI.forRun(options.pki)
        defer { pki.remove() }
        return try await ChildGroup.run { children throws(BenchError) in
            let central = try await CentralUnderTest.start(in: children, target: options.target, pki: pki)
            let load = try children.start("_stations", ["--url", central.url, "--load", "handshakes", "--seconds", String(seconds),
                                                        "--concurrency", String(concurrency), "--pki", pki.directory])
            _ = try await load.nextReport(within: .seconds(60))
            let before = try await central.sample()
            load.send("go")
            let report = try await load.nextReport(within: .seconds(seconds + 120))
            let after = try await central.sample()
            let handshakes = report.number("handshakes")
            var figures = [
                Figure("handshakesPerSecond", "mutual-TLS connections/s", handshakes / max(report.number("seconds"), 0.001), unit: "/s",
                       target: .atLeast(1_000)),
                Figure("latencyP50", "connect latency p50", report.number("p50ms"), unit: "ms"),
                Figure("latencyP99", "connect latency p99", report.number("p99ms"), unit: "ms"),
                Figure("failures", "failed connects", report.number("failures")),
                Figure("stationCPUPerHandshake", "load generator CPU per connection",
                       report.number("cpuSeconds") * 1e6 / max(handshakes, 1), unit: "µs"),
            ]
            if let before, let after {
                figures.append(Figure("centralCPUPerHandshake", "central system CPU per connection",
                                      (after.cpuSeconds - before.cpuSeconds) * 1e6 / max(handshakes, 1), unit: "µs"))
            }
            var result = WorkloadResult(workload: "handshakes", parameters: [
                ("seconds", .decimal(seconds)), ("concurrency", .integer(concurrency)), ("transport", "wss + mutual TLS"),
                ("centralSystem", .string(central.isOwn ? "chargecheck (_central process)" : central.url)),
            ], figures: figures)
            if let failure = report["firstFailure"]?.stringValue { result.notes.append("first failure: \(failure)") }
            return result
        }
    }
}
