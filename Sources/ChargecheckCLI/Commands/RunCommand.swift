import Dispatch
import Foundation
import OCPP
import Report
import Runner
import Scenario

/// `chargecheck run SCENARIOS…`: runs scenarios against live stations (`--listen`) or the built-in emulator.
struct RunCommand: Command {
    static let name = "run"
    static let abstract = "Run scenarios against stations connecting to listeners, or against the built-in emulator."
    static let discussion = """
        Without --listen the built-in emulator runs every scenario over the runner's own loopback listeners (ws,
        wss + Basic Auth, wss + mutual TLS, certificates made on the fly); scenarios that need a connection mode get a
        station connected in it. With --listen, stations connect to chargecheck as to a central system; each station
        gets the whole plan on its own.

        Security of wss listeners: --tls-cert and --tls-key serve TLS; --basic-auth or --credentials make a listener
        ask for Basic Auth; --client-ca makes it ask for a client certificate. With one wss listener given both, it asks
        for both; with several, the first asks for Basic Auth and the others for a client certificate.

        Examples:
          chargecheck run scenarios/ev24
          chargecheck run scenarios/ev24 --listen ws://0.0.0.0:9000/ocpp --wait 5m
          chargecheck run scenarios/ev24 --listen wss://0.0.0.0:9443/ocpp --tls-cert server.pem --tls-key server.key \\
              --basic-auth CP-1:SECRET --action-hook ./lab-relay.sh

        Exit status: 0 every scenario passed (or was not applicable or skipped) and every suite verdict passed;
        1 a scenario failed or erred, an expected failure passed, or a suite verdict failed; 2 bad command line or bad
        scenario files (no station is touched); 130 interrupted (Ctrl-C, SIGTERM).
        """

    static let listen = OptionSpec.repeated("--listen", valueName: "url", help: "Listen for stations at ws://HOST:PORT/PATH or wss://…")
    static let tlsCert = OptionSpec.value("--tls-cert", valueName: "file", help: "Server certificate (PEM) for wss listeners.")
    static let tlsKey = OptionSpec.value("--tls-key", valueName: "file", help: "Server private key (PEM) for wss listeners.")
    static let basicAuth = OptionSpec.repeated("--basic-auth", valueName: "id:password", help: "A station's Basic Auth credentials; id:hex:DIGITS gives the key as hex text.")
    static let credentials = OptionSpec.value("--credentials", valueName: "file", help: "A file of id:password (or id:hex:DIGITS) lines (# comments).")
    static let clientCA = OptionSpec.value("--client-ca", valueName: "file", help: "CA certificate for mutual TLS client certificates.")
    static let station = OptionSpec.value("--station", valueName: "kind", help: "Where stations come from when no --listen is given.",
                                          choices: ["emulator"], default: "emulator")
    static let wait = OptionSpec.value("--wait", valueName: "duration", help: "How long to wait for stations (e.g. 60s, 5m); no bound if absent with --listen.")
    static let only = OptionSpec.repeated("--only", valueName: "id", help: "Run only these scenarios (id, or prefix ending in *).")
    static let skip = OptionSpec.repeated("--skip", valueName: "id", help: "Leave these scenarios out (id, or prefix ending in *).")
    static let tags = OptionSpec.repeated("--tags", valueName: "tag", help: "Run only scenarios with one of these tags.")
    static let set = OptionSpec.repeated("--set", valueName: "name=value", help: "Override a given variable.")
    static let stationId = OptionSpec.value("--station-id", valueName: "id", help: "Serve only this station identity (the emulator's identity).")
    static let stations = OptionSpec.value("--stations", valueName: "n", help: "Wait for this many stations before starting.", default: "1")
    static let nonInteractive = OptionSpec.flag("--non-interactive", help: "No operator: scenarios needing one are SKIPPED (unless --action-hook).")
    static let actionHook = OptionSpec.value("--action-hook", valueName: "command", help: "Run this command for each physical act (env vars and JSON on stdin).")
    static let timeScale = OptionSpec.value("--time-scale", valueName: "factor", help: "Run time per real time (emulator only), e.g. 60; max: run time jumps to the next deadline whenever the run waits.", default: "1")
    static let profile = OptionSpec.value("--profile", valueName: "file", help: "Station profile (PICS/PIXIT): what the station supports.")
    static let lenient = OptionSpec.flag("--lenient", help: "Accept common payload deviations as warnings.")
    static let trace = OptionSpec.value("--trace", valueName: "file", help: "Write every frame as JSON lines as the run goes.")
    static let fault = OptionSpec.repeated("--fault", valueName: "name", help: "Make the emulator misbehave (a fault profile name).")
    static let limit = OptionSpec.repeated("--limit", valueName: "name=value", help: "Change a resource limit: "
        + RunLimits.Name.allCases.map { "\($0.rawValue) (\($0.meaning); default \(RunLimits().text(of: $0)))" }.joined(separator: "; ") + ".")
    static let report = OptionSpec.repeated("--report", valueName: "format:file", help: "Write a report at the end (also on Ctrl-C): junit:FILE, json:FILE or html:FILE.")

    static let options: [OptionSpec] = [listen, tlsCert, tlsKey, basicAuth, credentials, clientCA, station, wait, only, skip, tags,
                                        set, stationId, stations, nonInteractive, actionHook, timeScale, profile, lenient, trace, fault, limit, report]
    static let arguments = [ArgumentSpec(name: "scenarios", help: "Scenario or suite files, or folders of them.", isRepeating: true)]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        var setup: RunSetup
        do {
            setup = try RunSetup(arguments, console: console)
        } catch {
            console.printError(error.description)
            return .usage
        }
        let reports: [ReportRequest]
        do {
            reports = try arguments.values(report).map { try ReportRequest(parsing: $0) }
        } catch {
            console.printError("error: \(error)")
            return .usage
        }
        let loaded = ScenarioLoader().load(paths: arguments.positionals)
        for diagnostic in loaded.diagnostics { console.printError(diagnostic.description) }
        if loaded.hasErrors {
            console.printError("error: the scenario files have errors; no station was touched")
            return .usage
        }
        let plan = RunPlan(loaded: loaded, only: setup.options.only, skip: setup.options.skip, tags: setup.options.tags)
        guard !plan.entries.isEmpty else {
            console.printError(UsageError("no scenario selected", hint: "check the paths, --only, --skip and --tags").description)
            return .usage
        }
        let progress = ProgressConsole(terminal: console.isTerminal, write: console.writeOutput)
        let runner: Runner
        do {
            runner = try setup.makeRunner(plan: plan, observer: progress)
        } catch {
            console.printError("error: \(error)")
            return .usage
        }
        let result = await runInterruptibly(runner)
        setup.cleanUp()
        for failure in ReportOutput.write(result, to: reports) { console.printError("error: \(failure)") }
        return ExitCode(rawValue: result.exitCode)
    }

    /// Runs with Ctrl-C and SIGTERM cancelling the run (a second signal exits at once).
    static func runInterruptibly(_ runner: Runner) async -> RunResult {
        let task = Task { await runner.run() }
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler {
                if task.isCancelled { exit(RunExitStatus.interrupted) }
                task.cancel()
            }
            source.resume()
            return source
        }
        let result = await task.value
        for source in signals { source.cancel() }
        return result
    }
}
