import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Standalone emulator: fleets and the HTTP control API", .serialized)
struct ControlAndFleetTests {
    @Test("Fleet identities count up from the configured one", arguments: [
        ("CP-1", 1, ["CP-1"]),
        ("CP-1", 3, ["CP-1", "CP-2", "CP-3"]),
        ("CP-08", 2, ["CP-8", "CP-9"]),
        ("STATION", 2, ["STATION-1", "STATION-2"]),
    ])
    func identities(base: String, count: Int, expected: [String]) {
        #expect(EmulatorFleet.identities(base: base, count: count) == expected)
    }

    @Test("A control port that is taken is refused with advice")
    func portTaken() throws {
        let fleet = EmulatorFleet(base: EmulatorConfiguration(identity: "CP-1", centralSystemURL: "ws://127.0.0.1:1/ocpp"), count: 1)
        let first = try ControlServer.start(api: ControlAPI(fleet: fleet), port: 0)
        defer { first.stop() }
        #expect {
            try ControlServer.start(api: ControlAPI(fleet: fleet), port: first.port)
        } throws: { error in
            (error as? ControlServerError)?.description.contains("choose another --control-port") == true
        }
    }

    @Test("A fleet connects every station, staggered, and summarises what each did")
    func fleet() async throws {
        let centralSystem = try await CentralSystemHarness.start()
        let fleet = EmulatorFleet(base: EmulatorConfiguration(identity: "CP-1", centralSystemURL: centralSystem.url,
                                                              clock: ScaledClock(scale: 60), callTimeout: .seconds(600)),
                                  count: 3, stagger: .seconds(6))
        await fleet.start()
        let allConnected = await centralSystem.waitUntil(livePatience) { $0.received("BootNotification").count == 3 }
        let identities = await centralSystem.connections.map(\.identity)
        for emulator in fleet.emulators {
            _ = await emulator.waitUntil(timeout: livePatience) { $0.registration == .accepted }
        }
        let summary = await fleet.summary()
        await fleet.stop()
        await centralSystem.shutdown()
        #expect(allConnected)
        #expect(identities == ["CP-1", "CP-2", "CP-3"])
        #expect(summary.split(separator: "\n").count == 4)
        #expect(summary.contains("CP-2: connected, registration Accepted, 1 connection(s)"))
        #expect(summary.contains("total: 3 station(s), 3 connection(s)"))
    }

    @Test("The control API drives physical actions, reports status, and survives bad requests")
    func controlAPI() async throws {
        try await withLiveStation { emulator, centralSystem in
            try await expectBooted(centralSystem)
            let control = try ControlServer.start(api: ControlAPI(fleet: EmulatorFleet(emulators: [emulator])), port: 0)
            defer { control.stop() }
            let port = control.port

            #expect(await HTTPTestClient.post(port, "/connectors/1/plug")?.status == 200)
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["status"] == "Preparing" }))
            #expect(await HTTPTestClient.post(port, "/connectors/1/plug")?.status == 409)
            #expect(await HTTPTestClient.post(port, "/connectors/1/idtag", body: "TAG-1")?.status == 200)
            _ = try #require(await centralSystem.expect("StartTransaction", where: { $0["idTag"] == "TAG-1" }))
            #expect(await HTTPTestClient.post(port, "/connectors/2/fault", body: "{\"errorCode\": \"HighTemperature\"}")?.status == 200)
            _ = try #require(await centralSystem.expect("StatusNotification", where: { $0["errorCode"] == "HighTemperature" }))
            #expect(await HTTPTestClient.post(port, "/connectors/2/clear-fault")?.status == 200)
            #expect(await HTTPTestClient.post(port, "/connectors/1/stop")?.status == 200)
            _ = try #require(await centralSystem.expect("StopTransaction", where: { $0["reason"] == "Local" }))
            #expect(await HTTPTestClient.post(port, "/connectors/1/unplug")?.status == 200)
            let status = try #require(await HTTPTestClient.get(port, "/status"))
            #expect(status.status == 200)
            #expect(status.body?["identity"] == "CP-1")
            #expect(status.body?["connectors"]?[1]?["status"] == "Available")

            let bad: [(String, Int)] = [
                ("GARBAGE\r\n\r\n", 400),
                ("POST /connectors/1/teleport HTTP/1.1\r\n\r\n", 404),
                ("POST /nowhere HTTP/1.1\r\n\r\n", 404),
                ("GET /connectors/1/plug HTTP/1.1\r\n\r\n", 405),
                ("POST /connectors/x/plug HTTP/1.1\r\n\r\n", 400),
                ("POST /connectors/9/plug HTTP/1.1\r\n\r\n", 409),
                ("POST /connectors/1/idtag HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 400),
                ("POST /connectors/1/fault HTTP/1.1\r\nContent-Length: 5\r\n\r\nMelts", 400),
                ("POST /connectors/1/plug HTTP/1.1\r\nContent-Length: 999999\r\n\r\n", 413),
                ("POST /connectors/1/plug HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 20_000) + "\r\n\r\n", 431),
                ("POST /connectors/1/plug HTTP/1.1\r\nContent-Length: -4\r\n\r\n", 400),
                ("POST /stations/CP-404/connectors/1/plug HTTP/1.1\r\n\r\n", 404),
            ]
            for (request, expected) in bad {
                let answer = await HTTPTestClient.raw(port, request)
                #expect(answer?.status == expected, "\(request.prefix(60))")
                #expect(answer?.body?["ok"] == false)
            }
            #expect(await HTTPTestClient.post(port, "/network-loss")?.status == 200)
            #expect(await centralSystem.waitUntil(livePatience) { $0.disconnects == 1 })
            #expect(await HTTPTestClient.post(port, "/network-loss")?.status == 409)
            #expect(await HTTPTestClient.post(port, "/network-restore")?.status == 200)
            #expect(await centralSystem.waitUntil(livePatience) { $0.connections.count == 2 })
            #expect(await centralSystem.received("BootNotification").count == 1)
            #expect(await HTTPTestClient.post(port, "/stations/CP-1/power-loss")?.status == 200)
            #expect(await centralSystem.waitUntil(livePatience) { $0.disconnects == 2 })
            #expect(await HTTPTestClient.post(port, "/power-restore")?.status == 200)
            #expect(await centralSystem.waitUntil(livePatience) { $0.received("BootNotification").count == 2 })
            #expect(await HTTPTestClient.get(port, "/stations/CP-1/status")?.body?["powered"] == true)
        }
    }
}
