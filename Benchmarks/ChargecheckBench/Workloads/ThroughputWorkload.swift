import OCPP

/// `throughput`: N stations over ws, each keeping one MeterValues CALL (3 sampled values) outstanding; the central
/// system parses, validates and answers every one.
enum ThroughputWorkload {
    static func measure(stations: Int, options: BenchOptions) async throws(BenchError) -> WorkloadResult {
        let seconds = options.seconds ?? 10
        return try await ChildGroup.run { children throws(BenchError) in
            let central = try await CentralUnderTest.start(in: children, target: options.target, pki: nil)
            let load = try children.start("_stations", ["--url", central.url, "--count", String(stations), "--load", "throughput",
                                                        "--seconds", String(seconds)])
            let connected = try await load.nextReport(within: .seconds(300))
            guard Int(connected.number("connected")) == stations else {
                throw BenchError("only \(Int(connected.number("connected"))) of \(stations) stations connected: "
                    + (connected["firstFailure"]?.stringValue ?? "no reason given"))
            }
            let before = try await central.sample()
            load.send("go")
            let report = try await load.nextReport(within: .seconds(seconds + 120))
            let after = try await central.sample()

            let roundTrips = report.number("roundTrips")
            let atDefault = stations == 1_000
            var figures = [
                Figure("roundTripsPerSecond", "round trips/s", roundTrips / seconds, unit: "/s", target: atDefault ? .atLeast(50_000) : nil),
                Figure("latencyP50", "latency p50", report.number("p50ms"), unit: "ms"),
                Figure("latencyP99", "latency p99", report.number("p99ms"), unit: "ms", target: atDefault ? .atMost(20) : nil),
                Figure("latencyMax", "latency max", report.number("maxms"), unit: "ms"),
                Figure("stationCPUPerRoundTrip", "load generator CPU per round trip", report.number("cpuSeconds") * 1e6 / max(report.number("allRoundTrips"), 1), unit: "µs"),
            ]
            if let before, let after {
                // The central system's CPU over the whole go → report span (warm-up second included).
                let calls = Double(after.calls - before.calls)
                figures.append(Figure("centralCPUPerRoundTrip", "central system CPU per round trip",
                                      (after.cpuSeconds - before.cpuSeconds) * 1e6 / max(calls, 1), unit: "µs"))
                figures.append(Figure("centralMemory", "central system resident memory", after.residentKiB / 1024, unit: "MiB"))
            }
            var result = WorkloadResult(workload: "throughput", parameters: [
                ("stations", .integer(stations)), ("seconds", .decimal(seconds)), ("transport", "ws"),
                ("centralSystem", .string(central.isOwn ? "chargecheck (_central process)" : central.url)),
            ], figures: figures)
            if report.number("failures") > 0 {
                result.notes.append("\(Int(report.number("failures"))) stations lost their connection or got a non-CALLRESULT answer")
            }
            return result
        }
    }
}
