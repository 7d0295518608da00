import ChargecheckCLI
import Emulator
import Foundation
import WebSocket

/// One soak: sets up the folder and certificates, runs `chargecheck run` in this process (so its memory and file
/// descriptors can be watched, also after it ends), starts the emulator fleet and the rogue client as child
/// processes, and checks what is left. Returns the exit status: 0 when every check passed.
struct SoakRun {
    let settings: SoakSettings

    func run() async throws(SoakSetupError) -> Int32 {
        let directory = URL(fileURLWithPath: settings.directory)
        try? FileManager.default.removeItem(at: directory)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = { (name: String) in directory.appendingPathComponent(name) }
        guard FileManager.default.isExecutableFile(atPath: settings.chargecheck) else {
            throw SoakSetupError("\(settings.chargecheck) does not exist; build it first (swift build -c release --product chargecheck)")
        }
        let pki = CapturedConsole()
        guard await Chargecheck.main(["pki", "init", file("pki").path], console: pki.console) == 0 else {
            throw SoakSetupError("chargecheck pki init failed: \(pki.error)")
        }
        let profile = file("station.json")
        try? Data(#"{"configuration": {"MeterValueSampleInterval": "15"}}"#.utf8).write(to: profile)

        print("soak: \(settings.stations) stations (\(settings.stationsPerFault) per fault profile × 12 misbehaving), "
            + "\(settings.sessions) charging sessions each, about \(settings.seconds) s; output in \(directory.path)/")
        let log = try LogConsole(path: file("runner.log"))
        _ = EventLoop.shared  // its epoll and eventfd descriptors belong to the baseline, as does the log
        Self.warmUpRuntime()
        await Self.settleDescriptors()
        let start = ContinuousClock.now
        let baseline = ResourceSample.now(since: start)
        let baselineKinds = ResourceSample.describeDescriptors()
        let sampler = ResourceSampler(start: start, interval: .seconds(settings.sampleInterval))
        sampler.begin()

        let arguments = ["run", settings.scenarios,
                         "--listen", "ws://127.0.0.1:0/ocpp", "--listen", "wss://127.0.0.1:0/ocpp",
                         "--tls-cert", file("pki/server.pem").path, "--tls-key", file("pki/server.key").path,
                         "--stations", "\(settings.stations)", "--wait", "5m", "--non-interactive",
                         "--set", "sessions=\(settings.sessions)",
                         "--report", "json:\(file("report.json").path)", "--trace", file("trace.jsonl").path]
        let console = log.console
        let runner = Task { await Chargecheck.main(arguments, console: console) }
        var urls: [String] = []
        for _ in 0..<600 where urls.isEmpty {
            urls = log.listenerURLs ?? []
            if urls.isEmpty { try? await Task.sleep(for: .milliseconds(100)) }
        }
        guard let ws = urls.first(where: { $0.hasPrefix("ws://") }), let wss = urls.first(where: { $0.hasPrefix("wss://") }),
              let wsPort = Self.port(ws), let wssPort = Self.port(wss) else {
            runner.cancel()
            throw SoakSetupError("the runner did not start listening within a minute; see \(file("runner.log").path)")
        }

        var fleet: [FleetProcess] = []
        let good = settings.stations - 12 * settings.stationsPerFault
        var next = 1
        while next <= good {
            let count = min(settings.stationsPerProcess, good - next + 1)
            fleet.append(FleetProcess(executable: settings.chargecheck, csms: ws, firstIdentity: "SOAK-\(next)", count: count,
                                      fault: nil, profile: profile.path, log: file("emulator-SOAK-\(next).log")))
            next += count
        }
        for fault in FaultProfile.allCases {
            fleet.append(FleetProcess(executable: settings.chargecheck, csms: ws, firstIdentity: "FAULT-\(fault.rawValue)-1",
                                      count: settings.stationsPerFault, fault: fault.rawValue, profile: profile.path,
                                      log: file("emulator-\(fault.rawValue).log")))
        }
        do {
            for process in fleet { try process.start() }
        } catch {
            runner.cancel()
            for process in fleet { _ = process.stop() }
            throw SoakSetupError("cannot start \(settings.chargecheck) emulate: \(error)")
        }
        print("soak: runner listening at \(ws) and \(wss); \(fleet.count) emulator processes started")

        try? await Task.sleep(for: .seconds(settings.rampSeconds))
        let rogue = Process()
        rogue.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        let path = URL(string: ws)?.path ?? "/ocpp"
        rogue.arguments = ["rogue", "\(wsPort)", path.hasSuffix("/") ? path : path + "/", "\(wssPort)"]
        let rogueLog = file("rogue.log")
        _ = FileManager.default.createFile(atPath: rogueLog.path, contents: nil)
        do {
            let handle = try FileHandle(forWritingTo: rogueLog)
            defer { try? handle.close() }
            rogue.standardOutput = handle
            rogue.standardError = handle
            try rogue.run()
        } catch {
            print("soak: the rogue client did not start: \(error)")
        }
        print("soak: rogue transport client started (pid \(rogue.processIdentifier))")

        let exitCode = await runner.value
        print("soak: chargecheck run ended with exit status \(exitCode) after \(Int(start.duration(to: .now).components.seconds)) s")
        let emulatorStatuses = fleet.map { $0.stop() }
        // SIGKILL: it has nothing to save (it prints its totals after each round), and it inherits SIGTERM blocked.
        if rogue.isRunning { kill(rogue.processIdentifier, SIGKILL) }
        rogue.waitUntilExit()
        let rogueRounds = (try? String(contentsOf: rogueLog, encoding: .utf8))?.split(separator: "\n").last { $0.hasPrefix("after round") }
        var after = ResourceSample.now(since: start)
        for _ in 0..<150 where after.openDescriptors > baseline.openDescriptors {
            try? await Task.sleep(for: .milliseconds(100))
            after = ResourceSample.now(since: start)
        }
        // Described now, not after the evidence is read: descriptors closing meanwhile would not show.
        let afterKinds = ResourceSample.describeDescriptors()
        let samples = sampler.end()

        let evidence = try SoakEvidence(report: file("report.json"), trace: file("trace.jsonl"))
        var checks = SoakChecks()
        checks.record("no crash", exitCode == 0 || exitCode == 1,
                      "chargecheck run exit status \(exitCode) (0 or 1: every scenario judged)")
        checks.record("emulators stopped cleanly", emulatorStatuses.allSatisfy { $0 == 0 },
                      "exit statuses \(Set(emulatorStatuses).sorted())")
        checks.record("rogue client ran", rogueRounds != nil, rogueRounds.map(String.init) ?? "no round finished; see \(rogueLog.path)")
        let stationsDone = log.stationsDone.map { Double(start.duration(to: $0).components.seconds) }
        checks.memory(samples, rampSeconds: settings.rampSeconds, stationsDone: stationsDone, file: file("rss.csv"))
        checks.record("descriptors back to baseline", after.openDescriptors <= baseline.openDescriptors,
                      "\(baseline.openDescriptors) before the run (\(baselineKinds)), \(after.openDescriptors) after"
                      + (after.openDescriptors > baseline.openDescriptors ? " (\(afterKinds))" : "")
                      + ", peak \(samples.map(\.openDescriptors).max() ?? 0)")
        checks.verdicts(evidence, fleet: fleet, planSize: 3)
        checks.frames(evidence, fleet: fleet)
        print(checks.summary)
        return checks.passed ? 0 : 1
    }

    static func port(_ url: String) -> Int? { URL(string: url)?.port }

    /// Waits (up to 5 s) until the open descriptors have stayed the same for a second, so that the baseline has the
    /// runtime's lifelong descriptors: in two soak runs of three the baseline had one unix socket fewer (22) than the
    /// others (23), and every run ended with 23.
    static func settleDescriptors() async {
        var last = ResourceSample.openDescriptors()
        var stableSince = ContinuousClock.now
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, stableSince.duration(to: .now) < .seconds(1) {
            try? await Task.sleep(for: .milliseconds(100))
            let count = ResourceSample.openDescriptors()
            if count != last { (last, stableSince) = (count, .now) }
        }
    }

    /// Has Dispatch and Foundation open the descriptors they keep for good (their event loops, for signal sources and
    /// child processes) before the baseline is taken, so that the comparison shows what the run leaves behind.
    static func warmUpRuntime() {
        let source = DispatchSource.makeSignalSource(signal: SIGUSR2)
        source.setEventHandler {}
        source.resume()
        source.cancel()
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try? child.run()
        child.waitUntilExit()
    }
}
