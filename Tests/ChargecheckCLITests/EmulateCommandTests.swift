@testable import ChargecheckCLI
import Emulator
import Foundation
import OCPP
import Testing
import WebSocket

@Suite("chargecheck emulate")
struct EmulateCommandTests {
    private func run(_ arguments: [String]) async -> (code: Int32, output: String, error: String) {
        let captured = CapturedConsole()
        let code = await Chargecheck.main(["emulate"] + arguments, console: captured.console)
        return (code, captured.output, captured.error)
    }

    @Test("Bad command lines exit 2 with a message saying what to change", arguments: [
        ([String](), "--csms is required"),
        (["--csms", "http://example.com/ocpp"], "--csms must be a ws:// or wss:// URL"),
        (["--csms", "ws://h/ocpp", "--cert", "c.pem"], "--cert and --key go together"),
        (["--csms", "ws://h/ocpp", "--ca", "/no/such/ca.pem"], "cannot read /no/such/ca.pem"),
        (["--csms", "ws://h/ocpp", "--count", "0"], "--count must be a whole number from 1 to 10000, not 0"),
        (["--csms", "ws://h/ocpp", "--connectors", "many"], "--connectors must be a whole number from 1 to 64"),
        (["--csms", "ws://h/ocpp", "--control-port", "70000"], "--control-port must be a whole number from 0 to 65535"),
        (["--csms", "ws://h/ocpp", "--time-scale", "-3"], "--time-scale must be a number above 0"),
        (["--csms", "ws://h/ocpp", "--fault", "explode"], "invalid value 'explode' for --fault"),
        (["--csms", "ws://h/ocpp", "--id", "a/b"], "--id must be 1 to 48 characters without '/'"),
        (["--csms", "ws://h/ocpp", "--profile", "/no/such/profile.json"], "/no/such/profile.json: cannot read the file"),
    ])
    func usageErrors(arguments: [String], message: String) async {
        let result = await run(arguments)
        #expect(result.code == 2)
        #expect(result.error.contains(message))
        #expect(result.output.isEmpty)
    }

    @Test("Options become the emulator's configuration; profile faults and --fault add up")
    func setup() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("emulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let profile = directory.appendingPathComponent("station.json").path
        try #"{"vendor": "ACME", "connectors": 4, "faults": ["meter-backwards"]}"#.write(toFile: profile, atomically: true, encoding: .utf8)
        let parsed = try ArgumentParser(options: EmulateCommand.options, arguments: []).parse([
            "--csms", "wss://cs.example/ocpp", "--id", "BOX-7", "--password", "pw", "--insecure", "--connectors", "3",
            "--count", "5", "--profile", profile, "--fault", "skip-heartbeats", "--control-port", "0", "--time-scale", "60",
        ])
        let setup = try EmulateSetup(parsed)
        #expect(setup.count == 5)
        #expect(setup.controlPort == 0)
        #expect(setup.configuration.identity == "BOX-7")
        #expect(setup.configuration.profile.vendor == "ACME")
        #expect(setup.configuration.profile.connectorCount == 3)
        #expect(setup.configuration.profile.plugsOnRemoteStart)
        #expect(setup.configuration.faults == [.meterBackwards, .skipHeartbeats])
        #expect(setup.configuration.security == EmulatorSecurity(basicAuthPassword: "pw", insecure: true))
        #expect(setup.configuration.clock.scale == 60)
    }

    @Test("A fleet runs against a central system until stopped, then prints a line per station")
    func fleetRun() async throws {
        let server = try await WebSocketServer.start(.init(pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"]))
        let booted = BootCounter()
        let serving = Task {
            for await event in server.events {
                guard case .accepted(let connection) = event else { continue }
                let session = OCPPSession(transport: connection, info: SessionInfo(
                    connectionId: connection.info.identity, stationIdentity: connection.info.identity, role: .centralSystem))
                Task {
                    let replies = DefaultReplies()
                    for await call in session.incomingCalls {
                        _ = try? await call.respondWithDefault(replies)
                        if call.action == "BootNotification" { await booted.add(connection.info.identity) }
                    }
                }
            }
        }
        let parsed = try ArgumentParser(options: EmulateCommand.options, arguments: []).parse([
            "--csms", "ws://127.0.0.1:\(server.port)/ocpp", "--count", "2",
        ])
        let captured = CapturedConsole()
        let code = await EmulateCommand.run(try EmulateSetup(parsed), console: captured.console) {
            _ = await booted.wait(for: 2, timeout: .seconds(60))
        }
        await server.shutdown()
        serving.cancel()
        #expect(code == .success)
        #expect(await booted.identities.sorted() == ["CP-1", "CP-2"])
        #expect(captured.output.contains("emulating 2 stations (CP-1…CP-2) against ws://127.0.0.1:"))
        #expect(captured.output.contains("CP-2: connected"))
        #expect(captured.output.contains("total: 2 station(s), 2 connection(s)"))
    }
}

/// The identities that booted, with a bounded wait for a number of them.
private actor BootCounter {
    private(set) var identities: [String] = []
    private var waiter: (count: Int, continuation: CheckedContinuation<Bool, Never>)?

    func add(_ identity: String) {
        identities.append(identity)
        if let waiter, identities.count >= waiter.count {
            self.waiter = nil
            waiter.continuation.resume(returning: true)
        }
    }

    /// Whether `count` stations booted within `timeout`.
    func wait(for count: Int, timeout: Duration) async -> Bool {
        guard identities.count < count else { return true }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.expire()
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { waiter = (count, $0) }
    }

    private func expire() {
        waiter?.continuation.resume(returning: false)
        waiter = nil
    }
}
