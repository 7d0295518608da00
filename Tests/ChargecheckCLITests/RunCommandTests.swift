@testable import ChargecheckCLI
import Foundation
import Testing

@Suite("chargecheck run")
struct RunCommandTests {
    private func run(_ arguments: [String]) async -> (code: Int32, output: String, error: String) {
        let captured = CapturedConsole()
        let code = await Chargecheck.main(["run"] + arguments, console: captured.console)
        return (code, captured.output, captured.error)
    }

    static let scenario = """
        scenario: Boot
        id: boot
        steps:
          - expect: BootNotification
            reply: { status: Accepted, currentTime: "${now()}", interval: 60 }
          - send: ChangeConfiguration
            with: { key: HeartbeatInterval, value: "${string(interval)}" }
            match: { status: Accepted }
        given: { interval: 60 }
        """

    @Test("Bad command lines exit 2 with a message saying what to change", arguments: [
        (["--wait", "soon"], "--wait soon: expected a duration"),
        (["--listen", "ws://0.0.0.0:9000/ocpp", "--time-scale", "60"], "--time-scale 60 works only with the emulator"),
        (["--listen", "ws://0.0.0.0:9000/ocpp", "--time-scale", "max"], "--time-scale max works only with the emulator"),
        (["--time-scale", "fast"], "--time-scale fast: expected a number above 0 (at most 10000), or max"),
        (["--listen", "http://0.0.0.0:9000/ocpp"], "a listener URL starts with ws:// or wss://"),
        (["--listen", "wss://0.0.0.0:9443/ocpp"], "wss:// needs --tls-cert and --tls-key"),
        (["--listen", "ws://0.0.0.0:9000/ocpp", "--basic-auth", "CP-1"], "--basic-auth: expected id:password"),
        (["--set", "novalue"], "--set novalue: expected name=value"),
        (["--stations", "0"], "--stations 0: expected a number from 1 to 10000"),
        (["--fault", "explode"], "--fault explode: unknown fault profile"),
        (["--listen", "ws://0.0.0.0:9000/ocpp", "--station", "emulator"], "--station emulator and --listen exclude each other"),
        (["--time-scale", "0"], "--time-scale 0: expected a number above 0"),
    ])
    func usageErrors(arguments: [String], message: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("boot.yaml", Self.scenario)
        let result = await run([file] + arguments)
        #expect(result.code == 2)
        #expect(result.error.contains(message), "\(result.error)")
    }

    @Test("Lint errors stop the run before any station is touched (exit 2)")
    func lintErrors() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("bad.yaml", "scenario: Bad\nid: bad\nsteps:\n  - expekt: BootNotification\n")
        let result = await run([file])
        #expect(result.code == 2)
        #expect(result.error.contains("bad.yaml:4:5"))
        #expect(result.error.contains("no station was touched"))
        #expect(!result.output.contains("Waiting for"))
    }

    @Test("Against the emulator by default: exit 0 when it passes, 1 when it fails, with the summary")
    func emulatorRun() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("boot.yaml", Self.scenario)
        let trace = directory.path + "/trace.jsonl"
        let passing = await run([file, "--time-scale", "10", "--trace", trace])
        #expect(passing.code == 0, "\(passing.output)\(passing.error)")
        #expect(passing.output.contains("PASS"))
        #expect(passing.output.contains("PASSED — 1 station, 1 PASS"))
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.contains("\"action\":\"ChangeConfiguration\"") })

        let failing = await run([file, "--fault", "refuse-configuration"])
        #expect(failing.code == 1)
        #expect(failing.output.contains("boot.yaml:6:5"))
        #expect(failing.output.contains("FAILED — 1 station, 1 FAIL"))
    }

    @Test("Against the emulator, the station profile is the emulator's: a feature profile it lacks or a fixed cable is NOT_APPLICABLE")
    func emulatorProfileRulesOut() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let security = try directory.write("security.yaml", """
            scenario: Security extension
            id: needs-security
            requires: { profiles: [Security] }
            steps:
              - send: GetInstalledCertificateIds
                with: { certificateType: CentralSystemRootCertificate }
            """)
        let fixed = try directory.write("fixed.yaml", """
            scenario: Fixed cable
            id: needs-fixed-cable
            requires: { fixed-cable: true }
            steps:
              - send: UnlockConnector
                with: { connectorId: 1 }
            """)
        let result = await run([security, fixed, "--time-scale", "10"])
        #expect(result.code == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("2 NOT_APPLICABLE"))
    }

    @Test("a Basic Auth key may be given plain or as OCPP's hex text; bad hex is refused with the place")
    func basicAuthKeyForms() throws {
        let (plainId, plain) = try RunSetup.credential("CP-1:Secret:with:colons", origin: "--basic-auth")
        #expect(plainId == "CP-1" && plain == .plain("Secret:with:colons"))
        let (_, hex) = try RunSetup.credential("CP-2:hex:5365637265743132", origin: "--basic-auth")
        #expect(hex == .hex("5365637265743132") && hex.bytes == Array("Secret12".utf8))
        #expect(throws: UsageError.self) { try RunSetup.credential("CP-3:hex:53z", origin: "keys.txt:4") }
        let odd = #expect(throws: UsageError.self) { try RunSetup.credential("CP-3:hex:536", origin: "keys.txt:4") }
        #expect(odd?.description.hasPrefix("error: keys.txt:4: the key after 'hex:'") == true)
    }

    @Test("--set overrides a given value, typed as YAML would type it")
    func setOverride() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("set.yaml", """
            scenario: Set
            id: set
            given: { limit: 5, name: x }
            steps:
              - assert: limit == 12 && name == "CP"
            """)
        let result = await run([file, "--set", "limit=12", "--set", "name=CP", "--only", "set"])
        #expect(result.code == 0, "\(result.output)")
    }
}

extension RunCommandTests {
    /// The listeners `run` would open for these options.
    private func listeners(_ values: [String: [String]]) throws -> [(basic: Bool, mutual: Bool)] {
        let parsed = ParsedArguments(values: values, positionals: [])
        return try RunSetup.listeners(values["--listen"] ?? [], parsed).map { ($0.basicAuth != nil, $0.tls?.clientCAPath != nil) }
    }

    @Test("wss security: credentials ask for Basic Auth, --client-ca for a certificate; with two wss listeners the first is Basic")
    func listenerSecurity() throws {
        let tls = ["--tls-cert": ["s.pem"], "--tls-key": ["s.key"]]
        let basicOnly = try listeners(tls.merging(["--listen": ["wss://0.0.0.0:9443/ocpp"], "--basic-auth": ["CP-1:pw"]]) { $1 })
        #expect(basicOnly.map(\.basic) == [true] && basicOnly.map(\.mutual) == [false])
        let mutualOnly = try listeners(tls.merging(["--listen": ["wss://0.0.0.0:9444/ocpp"], "--client-ca": ["ca.pem"]]) { $1 })
        #expect(mutualOnly.map(\.basic) == [false] && mutualOnly.map(\.mutual) == [true])
        let both = try listeners(tls.merging(["--listen": ["ws://0.0.0.0:9000/ocpp", "wss://0.0.0.0:9443/ocpp", "wss://0.0.0.0:9444/ocpp"],
                                              "--basic-auth": ["CP-1:pw"], "--client-ca": ["ca.pem"]]) { $1 })
        #expect(both.map(\.basic) == [false, true, false])
        #expect(both.map(\.mutual) == [false, false, true])
        let single = try listeners(tls.merging(["--listen": ["wss://0.0.0.0:9443/ocpp"], "--basic-auth": ["CP-1:pw"],
                                                "--client-ca": ["ca.pem"]]) { $1 })
        #expect(single.map(\.basic) == [true] && single.map(\.mutual) == [true])
    }

    @Test("a credentials file: id:password lines, comments, a bad line named by file and line")
    func credentialsFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = try directory.write("good.txt", "# lab stations\nCP-1:secret-1\n\nCP-2:secret:with:colons\n")
        let parsed = try listeners(["--listen": ["wss://0.0.0.0:9443/ocpp"], "--tls-cert": ["s.pem"], "--tls-key": ["s.key"],
                                    "--credentials": [good]])
        #expect(parsed.map(\.basic) == [true])
        let bad = try directory.write("bad.txt", "CP-1:secret\nCP-2\n")
        #expect(throws: UsageError.self) {
            try self.listeners(["--listen": ["wss://0.0.0.0:9443/ocpp"], "--tls-cert": ["s.pem"], "--tls-key": ["s.key"],
                                "--credentials": [bad]])
        }
        do {
            _ = try listeners(["--listen": ["wss://0.0.0.0:9443/ocpp"], "--tls-cert": ["s.pem"], "--tls-key": ["s.key"],
                               "--credentials": [bad]])
        } catch {
            #expect("\(error)".contains("bad.txt:2: expected id:password"))
        }
    }
}
