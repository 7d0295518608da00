import Emulator
import Foundation
import OCPP
import Report
import Runner
import Scenario
import WebSocket
import YAML

/// The `run` command line turned into what a ``Runner`` needs, with every mistake a ``UsageError``.
struct RunSetup {
    var options: RunOptions
    var listeners: [ListenerConfiguration] = []
    var faults: Set<FaultProfile> = []
    var profile = StationTestProfile()
    var recorder = TraceRecorder(keepsRecords: false)
    let console: Console
    /// The temporary directory of the emulator's PKI, removed at the end.
    var temporaryDirectory: String?

    init(_ arguments: ParsedArguments, console: Console) throws(UsageError) {
        self.console = console
        options = RunOptions(paths: arguments.positionals)
        let urls = arguments.values(RunCommand.listen)
        options.stationSource = urls.isEmpty ? .emulator : .live(listeners: urls)
        if !urls.isEmpty && arguments.flag(RunCommand.station) {
            throw UsageError("--station emulator and --listen exclude each other")
        }
        if let text = arguments.value(RunCommand.wait) {
            guard let duration = DurationText.parse(text) else { throw UsageError("--wait \(text): expected \(DurationText.expectedForm)") }
            options.wait = duration
        }
        options.only = arguments.values(RunCommand.only)
        options.skip = arguments.values(RunCommand.skip)
        options.tags = arguments.values(RunCommand.tags)
        for assignment in arguments.values(RunCommand.set) {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw UsageError("--set \(assignment): expected name=value")
            }
            let value = String(assignment[assignment.index(after: equals)...])
            options.overrides[String(assignment[..<equals])] = Self.scalar(value)
        }
        options.stationIdentity = arguments.value(RunCommand.stationId)
        let stationsText = arguments.value(RunCommand.stations) ?? "1"
        guard let count = Int(stationsText), (1...10_000).contains(count) else {
            throw UsageError("--stations \(stationsText): expected a number from 1 to 10000")
        }
        options.stationCount = count
        options.nonInteractive = arguments.flag(RunCommand.nonInteractive)
        options.actionHook = arguments.value(RunCommand.actionHook)
        let scaleText = arguments.value(RunCommand.timeScale) ?? "1"
        let scale: Double
        if scaleText == "max" {
            scale = .infinity
        } else {
            guard let number = Double(scaleText), number.isFinite, number > 0, number <= 10_000 else {
                throw UsageError("--time-scale \(scaleText): expected a number above 0 (at most 10000), or max")
            }
            scale = number
        }
        if scale != 1 && !urls.isEmpty {
            throw UsageError("--time-scale \(scaleText) works only with the emulator: a live station keeps real time (leave the option out with --listen)")
        }
        options.timeScale = scale
        options.validationMode = arguments.flag(RunCommand.lenient) ? .lenient : .strict
        options.tracePath = arguments.value(RunCommand.trace)
        for assignment in arguments.values(RunCommand.limit) {
            do { try options.limits.set(assignment) } catch { throw UsageError(error.description) }
        }
        options.profilePath = arguments.value(RunCommand.profile)
        if let path = options.profilePath {
            do { profile = try StationTestProfile.load(path: path) } catch { throw UsageError("--profile: \(error)") }
        }
        for name in arguments.values(RunCommand.fault) {
            guard let fault = FaultProfile(name: name) else {
                throw UsageError("--fault \(name): unknown fault profile",
                                 hint: "one of \(FaultProfile.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            faults.insert(fault)
        }
        if !faults.isEmpty && !urls.isEmpty { throw UsageError("--fault works only with the emulator") }
        if let path = options.tracePath {
            do { recorder = TraceRecorder(sinks: [try TraceFileSink(path: path)], keepsRecords: false) } catch { throw UsageError("--trace: \(error)") }
        }
        listeners = try urls.isEmpty ? [] : Self.listeners(urls, arguments)
    }

    /// A `--set` value read as a YAML scalar (numbers, booleans and null typed; anything else text).
    static func scalar(_ text: String) -> JSONValue {
        switch YAMLScalar(text: text, style: .plain).coreValue {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .float(let value): value.isFinite ? .decimal(value) : .string(text)
        case .string(let value): .string(value)
        }
    }

    /// The listeners with their security, by the rule the help states.
    static func listeners(_ urls: [String], _ arguments: ParsedArguments) throws(UsageError) -> [ListenerConfiguration] {
        var credentials: [String: AuthorizationKey] = [:]
        for pair in arguments.values(RunCommand.basicAuth) {
            let (id, key) = try credential(pair, origin: "--basic-auth")
            credentials[id] = key
        }
        if let file = arguments.value(RunCommand.credentials) {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw UsageError("--credentials \(file): cannot read the file")
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let (id, key) = try credential(trimmed, origin: "\(file):\(number + 1)")
                credentials[id] = key
            }
        }
        let certificate = arguments.value(RunCommand.tlsCert)
        let key = arguments.value(RunCommand.tlsKey)
        if (certificate == nil) != (key == nil) { throw UsageError("--tls-cert and --tls-key go together") }
        let clientCA = arguments.value(RunCommand.clientCA)
        var configurations: [ListenerConfiguration] = []
        var secureCount = 0
        let wssTotal = urls.filter { $0.hasPrefix("wss://") }.count
        for url in urls {
            var configuration: ListenerConfiguration
            do { configuration = try ListenerConfiguration.parse(url) } catch { throw UsageError(error.description) }
            if configuration.scheme == "wss" {
                guard let certificate, let key else { throw UsageError("\(url): wss:// needs --tls-cert and --tls-key") }
                let basic = !credentials.isEmpty && (clientCA == nil || wssTotal == 1 || secureCount == 0)
                let mutual = clientCA != nil && (credentials.isEmpty || wssTotal == 1 || secureCount > 0)
                configuration.tls = TLSServerConfiguration(certificatePath: certificate, privateKeyPath: key,
                                                           clientCAPath: mutual ? clientCA : nil)
                if basic { configuration.basicAuth = BasicAuthConfiguration(credentials: CredentialStore(credentials)) }
                secureCount += 1
            }
            configurations.append(configuration)
        }
        return configurations
    }

    /// `id:password`, or `id:hex:DIGITS` for a key written as OCPP's AuthorizationKey carries it (hex text).
    static func credential(_ text: String, origin: String) throws(UsageError) -> (String, AuthorizationKey) {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else {
            throw UsageError("\(origin): expected id:password (or id:hex:HEXDIGITS)")
        }
        let identity = String(text[..<colon])
        let password = String(text[text.index(after: colon)...])
        guard password.hasPrefix("hex:") else { return (identity, .plain(password)) }
        let key = AuthorizationKey.hex(String(password.dropFirst(4)))
        guard let bytes = key.bytes, !bytes.isEmpty else {
            throw UsageError("\(origin): the key after 'hex:' must be an even number of hex digits (0-9, a-f)")
        }
        return (identity, key)
    }

    /// The runner: the emulator with loopback listeners, or the listeners given and a way to perform physical acts.
    mutating func makeRunner(plan: RunPlan, observer: ProgressConsole) throws -> Runner {
        let clock: any RunClock = options.timeScale.isFinite ? ScaledClock(scale: options.timeScale) : VirtualClock()
        if case .live = options.stationSource {
            let performer: any ActionPerformer
            if let hook = options.actionHook {
                performer = ActionHook(command: hook)
            } else if options.nonInteractive {
                performer = NoActionPerformer()
            } else if isatty(STDIN_FILENO) != 1 {
                performer = NoActionPerformer(reason: "the scenario needs an operator, and standard input is not a terminal (give --action-hook, or run on a terminal)")
            } else {
                performer = OperatorPrompt { request in
                    observer.handle(.operatorPrompt(station: request.station, prompt: request.prompt, within: request.within))
                }
            }
            return Runner(plan: plan, options: options, listeners: listeners, performer: performer, profile: profile,
                          observer: observer, clock: clock, recorder: recorder)
        }
        let directory = NSTemporaryDirectory() + "chargecheck-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        temporaryDirectory = directory
        let loopback = try LoopbackListeners(directory: directory, stations: Runner.emulatorIdentities(options))
        // The emulator is built as the profile describes the station, and the profile knows what the emulator has.
        var emulatorProfile = Emulator.StationProfile()
        if let connectors = profile.connectors { emulatorProfile.connectorCount = max(1, connectors) }
        var testProfile = profile
        testProfile.connectors = emulatorProfile.connectorCount
        testProfile.fixedCable = testProfile.fixedCable ?? false
        testProfile.featureProfiles = testProfile.featureProfiles ?? emulatorProfile.supportedFeatureProfiles
        let provider = EmulatorProvider(clock: clock, profile: emulatorProfile, faults: faults)
        return Runner(plan: plan, options: options, listeners: loopback.configurations, emulator: (provider, loopback),
                      profile: testProfile, observer: observer, clock: clock, recorder: recorder)
    }

    func cleanUp() {
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }
}
