import OCPP

/// `connections`: N stations connect and boot (ws, or wss with mutual TLS), then heartbeat every 5 s for a minute;
/// connect rate, the central system's resident memory per connection, heartbeat latency.
enum ConnectionsWorkload {
    static func measure(stations wanted: Int, options: BenchOptions) async throws(BenchError) -> WorkloadResult {
        let (stations, limitNote) = ProcessMeasures.fittingConnections(wanted)
        let seconds = options.seconds ?? 60
        let pki = options.mutualTLS ? try BenchPKI.forRun(options.pki) : nil
        defer { pki?.remove() }
        return try await ChildGroup.run { children throws(BenchError) in
            let central = try await CentralUnderTest.start(in: children, target: options.target, pki: pki)
            let idle = try await central.sample()
            var arguments = ["--url", central.url, "--count", String(stations), "--load", "connections", "--seconds", String(seconds),
                             "--interval", "5"]
            if let pki { arguments += ["--pki", pki.directory] }
            let load = try children.start("_stations", arguments)
            let connected = try await load.nextReport(within: .seconds(600))
            let opened = connected.number("connected")
            let held = try await central.sample()
            load.send("go")
            let report = try await load.nextReport(within: .seconds(seconds + 300))
            let end = try await central.sample()

            let mode = options.mutualTLS ? "wss + mutual TLS" : "ws"
            var figures = [
                Figure("connected", "stations connected and booted", opened, target: .atLeast(Double(stations))),
                Figure("connectRate", "connect + boot rate", opened / max(connected.number("seconds"), 0.001), unit: "/s"),
                Figure("heartbeats", "heartbeats answered", report.number("heartbeats")),
                Figure("heartbeatP99", "heartbeat latency p99", report.number("p99ms"), unit: "ms"),
            ]
            if let idle, let held, let end {
                let perConnection = { (sample: CentralSample) in (sample.residentKiB - idle.residentKiB) / max(opened, 1) }
                let limit: Double = options.mutualTLS ? 100 : 40
                figures.append(Figure("centralKiBPerConnectionBooted", "central memory per connection, booted", perConnection(held), unit: "KiB"))
                figures.append(Figure("centralKiBPerConnection", "central memory per connection, after heartbeats",
                                      perConnection(end), unit: "KiB", target: .atMost(limit)))
                figures.append(Figure("centralMemory", "central system resident memory", end.residentKiB / 1024, unit: "MiB"))
                figures.append(Figure("stillOpen", "connections open at the end", Double(end.open)))
            }
            var result = WorkloadResult(workload: "connections", parameters: [
                ("stations", .integer(stations)), ("seconds", .decimal(seconds)), ("heartbeatInterval", "5 s"), ("transport", .string(mode)),
                ("centralSystem", .string(central.isOwn ? "chargecheck (_central process)" : central.url)),
            ], figures: figures)
            if let limitNote { result.notes.append(limitNote) }
            if let failure = connected["firstFailure"]?.stringValue {
                result.notes.append("\(Int(connected.number("failures"))) stations failed to connect; first: \(failure)")
            }
            if report.number("failures") > 0 { result.notes.append("\(Int(report.number("failures"))) stations lost a heartbeat answer") }
            return result
        }
    }
}
