import Dispatch
import Emulator
import Foundation
import Locking
import OCPP

/// `chargecheck emulate --csms URL …`: emulated charge points against any central system, until Ctrl-C.
struct EmulateCommand: Command {
    static let name = "emulate"
    static let abstract = "Run emulated OCPP 1.6 charge points against a central system: one station or a staggered fleet."
    static let discussion = """
        The station connects to URL/<id> (ws:// or wss://), boots and behaves as a real charge point until Ctrl-C, then
        prints a summary of what each station did. --password adds Basic Auth (user: the identity); --ca checks the
        server's certificate against a CA file (--insecure skips the check); --cert and --key present a client
        certificate (mutual TLS). With --count N the identities count up from --id (CP-1, CP-2, …).
        --control-port N serves the control API on 127.0.0.1:N: POST /connectors/1/plug, /unplug, /idtag (the tag as
        the body), /fault, /clear-fault, /stop, POST /power-loss, /power-restore, GET /status (docs/emulator.md).
        Exit status: 0 after Ctrl-C, 2 for a bad command line or profile file.
        """

    static let csms = OptionSpec.value("--csms", valueName: "url", help: "The central system's ws:// or wss:// URL, without the identity.")
    static let id = OptionSpec.value("--id", valueName: "identity", help: "The charge point identity (the first one of a fleet).", default: "CP-1")
    static let password = OptionSpec.value("--password", valueName: "password", help: "HTTP Basic Auth password (user: the identity).")
    static let ca = OptionSpec.value("--ca", valueName: "file", help: "CA certificate (PEM) the server's certificate must chain to.")
    static let cert = OptionSpec.value("--cert", valueName: "file", help: "Client certificate (PEM) for mutual TLS.")
    static let key = OptionSpec.value("--key", valueName: "file", help: "The client certificate's private key (PEM).")
    static let insecure = OptionSpec.flag("--insecure", help: "Accept any server certificate and host name (labs only).")
    static let connectors = OptionSpec.value("--connectors", valueName: "n", help: "Connectors per station (default 2, or the profile's).")
    static let count = OptionSpec.value("--count", valueName: "n", help: "How many stations to run.", default: "1")
    static let profile = OptionSpec.value("--profile", valueName: "file", help: "Station profile (JSON): identity fields, hardware, configuration, faults.")
    static let fault = OptionSpec(name: "--fault", kind: .repeated, valueName: "name",
                                  help: "A fault profile to misbehave with (repeatable).", choices: FaultProfile.allCases.map(\.rawValue))
    static let controlPort = OptionSpec.value("--control-port", valueName: "port", help: "Serve the HTTP control API on 127.0.0.1:port.")
    static let timeScale = OptionSpec.value("--time-scale", valueName: "factor", help: "Run time per real time (60: a minute per second).", default: "1")

    static let options: [OptionSpec] = [csms, id, password, ca, cert, key, insecure, connectors, count, profile, fault,
                                        controlPort, timeScale]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        let setup: EmulateSetup
        do {
            setup = try EmulateSetup(arguments)
        } catch {
            console.printError(error.description)
            console.printError("See 'chargecheck emulate --help'.")
            return .usage
        }
        return await run(setup, console: console, until: InterruptSignal.wait)
    }

    /// Runs the fleet of `setup` until `stop` returns, then prints the summary.
    static func run(_ setup: EmulateSetup, console: Console, until stop: @Sendable () async -> Void) async -> ExitCode {
        let fleet = EmulatorFleet(base: setup.configuration, count: setup.count)
        var control: ControlServer?
        if let port = setup.controlPort {
            do {
                control = try ControlServer.start(api: ControlAPI(fleet: fleet), port: port)
            } catch {
                console.printError("error: \(error.description)")
                return .usage
            }
        }
        let identities = fleet.emulators.map(\.configuration.identity)
        console.print("emulating \(identities.count == 1 ? identities[0] : "\(identities.count) stations (\(identities[0])…\(identities[identities.count - 1]))") "
            + "against \(setup.configuration.centralSystemURL)"
            + (setup.configuration.faults.isEmpty ? "" : " with faults \(setup.configuration.faults.map(\.rawValue).sorted().joined(separator: ", "))"))
        if let control { console.print("control API: http://127.0.0.1:\(control.port)/status") }
        console.print("press Ctrl-C to stop")
        let reporters = fleet.emulators.map { emulator in
            Task { await report(emulator, console: console, verbose: identities.count == 1) }
        }
        await fleet.start()
        await stop()
        control?.stop()
        await fleet.stop()
        for reporter in reporters { await reporter.value }
        console.print(await fleet.summary())
        return .success
    }

    /// Prints connection changes (and, for a single station, every CALL) as they happen.
    private static func report(_ emulator: ChargePointEmulator, console: Console, verbose: Bool) async {
        let identity = emulator.configuration.identity
        for await event in emulator.events {
            switch event {
            case .connected: console.print("\(identity): connected")
            case .connectFailed(let reason): console.print("\(identity): cannot connect: \(reason)")
            case .disconnected(let reason): console.print("\(identity): disconnected: \(reason)")
            case .sent(let action, _) where verbose: console.print("\(identity) → \(action)")
            case .received(let action, _) where verbose: console.print("\(identity) ← \(action)")
            default: break
            }
        }
    }
}

/// What `chargecheck emulate` was asked to run, checked.
struct EmulateSetup: Sendable {
    var configuration: EmulatorConfiguration
    var count: Int
    var controlPort: Int?

    init(_ arguments: ParsedArguments) throws(UsageError) {
        typealias Options = EmulateCommand
        guard let url = arguments.value(Options.csms) else {
            throw UsageError("--csms is required", hint: "e.g. --csms ws://127.0.0.1:9000/ocpp")
        }
        let scheme = url.split(separator: ":").first?.lowercased()
        guard scheme == "ws" || scheme == "wss" else { throw UsageError("--csms must be a ws:// or wss:// URL, not \(url)") }
        let identity = arguments.value(Options.id) ?? "CP-1"
        guard !identity.isEmpty, identity.utf8.count <= 48, !identity.contains("/") else {
            throw UsageError("--id must be 1 to 48 characters without '/'")
        }
        let certificate = arguments.value(Options.cert), key = arguments.value(Options.key)
        guard (certificate == nil) == (key == nil) else { throw UsageError("--cert and --key go together") }
        for file in [arguments.value(Options.ca), certificate, key].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: file) {
            throw UsageError("cannot read \(file)")
        }
        // Standing alone, a driver is at the station: a remote start gets its cable plugged in.
        let base = StationProfile(plugsOnRemoteStart: true)
        var file = EmulatorProfileFile(profile: base)
        if let path = arguments.value(Options.profile) {
            do throws(EmulatorProfileError) {
                file = try EmulatorProfileFile.load(path: path, base: base)
            } catch {
                throw UsageError(error.description)
            }
        }
        if let text = arguments.value(Options.connectors) {
            file.profile.connectorCount = try Self.integer(text, Options.connectors, in: 1...64)
        }
        count = try Self.integer(arguments.value(Options.count) ?? "1", Options.count, in: 1...10_000)
        controlPort = try arguments.value(Options.controlPort).map { text throws(UsageError) in
            try Self.integer(text, Options.controlPort, in: 0...65_535)
        }
        let scaleText = arguments.value(Options.timeScale) ?? "1"
        guard let scale = Double(scaleText), scale > 0, scale <= 10_000 else {
            throw UsageError("--time-scale must be a number above 0 and at most 10000, not \(scaleText)")
        }
        let faults = file.faults.union(arguments.values(Options.fault).compactMap(FaultProfile.init(name:)))
        let security = EmulatorSecurity(basicAuthPassword: arguments.value(Options.password), caFile: arguments.value(Options.ca),
                                        insecure: arguments.flag(Options.insecure), clientCertificate: certificate, clientKey: key)
        configuration = EmulatorConfiguration(identity: identity, centralSystemURL: url, security: security,
                                              profile: file.profile, faults: faults, clock: ScaledClock(scale: scale))
    }

    private static func integer(_ text: String, _ option: OptionSpec, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("\(option.name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return value
    }
}

/// Waits for Ctrl-C (SIGINT) or SIGTERM.
enum InterruptSignal {
    @Sendable static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Once()
            let sources = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                return source
            }
            for source in sources {
                source.setEventHandler {
                    guard once.claim() else { return }
                    sources.forEach { $0.cancel() }
                    continuation.resume()
                }
                source.resume()
            }
        }
    }

    /// Lets the first of several signal handlers resume the continuation.
    private final class Once: Sendable {
        private let claimed = Locked(false)

        func claim() -> Bool {
            claimed.withLock { claimed in
                defer { claimed = true }
                return !claimed
            }
        }
    }
}
