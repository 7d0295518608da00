import OCPP

/// `fleet`: the emulator alone, N stations in one process against a `_central` sink: boot time, memory per
/// station, CPU while every station charges.
enum FleetWorkload {
    static func measure(stations wanted: Int, options: BenchOptions) async throws(BenchError) -> WorkloadResult {
        let (stations, limitNote) = ProcessMeasures.fittingConnections(wanted)
        let seconds = options.seconds ?? 10
        guard let scale = Double(options.timeScale ?? "1") else {
            throw BenchError("fleet: --time-scale must be a number (max is for the suite)")
        }
        return try await ChildGroup.run { children throws(BenchError) in
            let sink = try await CentralUnderTest.start(in: children, target: nil, pki: nil)
            let fleet = try children.start("_fleet", ["--url", sink.url, "--count", String(stations), "--scale", String(scale),
                                                      "--seconds", String(seconds)])
            let booted = try await fleet.nextReport(within: .seconds(600))
            let callsBefore = try await sink.sample()?.calls ?? 0
            let start = ContinuousClock.now
            fleet.send("go")
            let charging = try await fleet.nextReport(within: .seconds(seconds + 300))
            let callsAfter = try await sink.sample()?.calls ?? 0
            let elapsed = ProcessMeasures.seconds(since: start)
            let perStation = { (rss: Double) in (rss - booted.number("baselineKiB")) / Double(stations) }
            var result = WorkloadResult(workload: "fleet", parameters: [
                ("stations", .integer(stations)), ("seconds", .decimal(seconds)), ("timeScale", .decimal(scale)), ("transport", "ws"),
            ], figures: [
                Figure("booted", "stations booted", booted.number("booted"), target: .atLeast(Double(stations))),
                Figure("bootSeconds", "time to boot them all", booted.number("seconds"), unit: "s"),
                Figure("kiBPerStationBooted", "emulator memory per station, booted", perStation(booted.number("rssKiB")), unit: "KiB"),
                Figure("charging", "stations charging", charging.number("charging")),
                Figure("kiBPerStationCharging", "emulator memory per station, charging", perStation(charging.number("rssKiB")), unit: "KiB"),
                Figure("emulatorCPU", "emulator CPU while charging", charging.number("cpuShare") * 100, unit: "% of a core"),
                Figure("callsPerSecond", "CALLs answered by the sink", Double(callsAfter - callsBefore) / elapsed, unit: "/s"),
            ])
            if let limitNote { result.notes.append(limitNote) }
            return result
        }
    }
}
