import Foundation
import OCPP
@testable import Runner
import Scenario
import Testing

/// Listener URLs, station profile files, run plans: the inputs a user writes, good and bad.
@Suite("Listener URLs, station profiles, run plans")
struct ConfigurationTests {
    @Test("listener URLs parse into scheme, host, port and path", arguments: [
        ("ws://0.0.0.0:9000/ocpp", "ws", "0.0.0.0", 9000, "/ocpp"),
        ("wss://example.org/ocpp/", "wss", "example.org", 443, "/ocpp/"),
        ("ws://[::1]:8080", "ws", "::1", 8080, "/"),
        ("ws://localhost", "ws", "localhost", 80, "/"),
    ])
    func listenerURLs(url: String, scheme: String, host: String, port: Int, path: String) throws {
        let listener = try ListenerConfiguration.parse(url)
        #expect(listener.scheme == scheme && listener.host == host && listener.port == port && listener.pathPrefix == path)
        #expect(listener.mode == .ws)
    }

    @Test("bad listener URLs say what to change", arguments: [
        ("http://0.0.0.0:9000/ocpp", "a listener URL starts with ws:// or wss://"),
        ("ws://0.0.0.0:99999/ocpp", "the port must be a number from 0 to 65535"),
        ("ws://:9000/ocpp", "the host is missing"),
        ("ws://[::1:9000/ocpp", "the IPv6 address lacks its ]"),
    ])
    func badListenerURLs(url: String, message: String) {
        #expect(throws: ListenerError.self) { try ListenerConfiguration.parse(url) }
        do {
            _ = try ListenerConfiguration.parse(url)
        } catch {
            #expect(error.description.contains(message))
        }
    }

    @Test("a station profile file: every field, as the `profile` variable too")
    func profileFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("station.yaml", """
            connectors: 2
            fixed-cable: true
            profiles: [Core, RemoteTrigger]
            security: [ws, wss-mtls]
            id-tags: { valid: [TAG-1, TAG-2], blocked: [TAG-B] }
            meter: { sample-interval: 10, measurands: [Energy.Active.Import.Register] }
            """)
        let profile = try StationTestProfile.load(path: path)
        #expect(profile.connectors == 2 && profile.fixedCable == true)
        #expect(profile.featureProfiles == ["Core", "RemoteTrigger"])
        #expect(profile.securityModes == [.ws, .wssMTLS])
        #expect(profile.idTags[.valid] == ["TAG-1", "TAG-2"])
        #expect(profile.jsonValue["meter"]?["sample-interval"] == 10)
        #expect(profile.jsonValue["idTags"]?["blocked"] == ["TAG-B"])
        #expect(profile.reasonNotApplicable(Requirements(security: .wssBasic), connectedIn: nil, live: false)
            == "the station profile does not offer the connection mode wss-basic")
        #expect(profile.reasonNotApplicable(Requirements(idTags: [.expired]), connectedIn: nil, live: false)
            == "needs an idTag of the kind expired, the station profile lists none")
        #expect(profile.reasonNotApplicable(Requirements(profiles: ["Core"], connectors: 2), connectedIn: .ws, live: true) == nil)
    }

    @Test("bad station profiles name the place of the problem", arguments: [
        ("connectors: two\n", "station.yaml:1:13: error: connectors must be a whole number"),
        ("conectors: 2\n", "station.yaml:1:1: error: unknown key \"conectors\""),
        ("security: [ws, wss]\n", "unknown connection mode \"wss\""),
        ("id-tags: { stolen: [A] }\n", "station.yaml:1:12: error: unknown idTag kind"),
        ("- just a list\n", "a station profile is a mapping of keys"),
    ])
    func badProfiles(text: String, message: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("station.yaml", text)
        #expect(throws: ProfileError.self) { try StationTestProfile.load(path: path) }
        do {
            _ = try StationTestProfile.load(path: path)
        } catch {
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test("run plans: suites first in their order, then loose scenarios; --only, --skip, --tags select")
    func plans() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let loaded = try harness.load([
            "suite.yaml": "suite: S\nid: s\nscenarios: [b.yaml, a.yaml]\n",
            "a.yaml": "scenario: A\nid: x.a\ntags: [fast]\nsteps:\n  - log: a\n",
            "b.yaml": "scenario: B\nid: x.b\nsteps:\n  - log: b\n",
            "c.yaml": "scenario: C\nid: y.c\ntags: [fast]\nsteps:\n  - log: c\n",
        ])
        #expect(RunPlan(loaded: loaded).entries.map(\.scenario.metadata.id) == ["x.b", "x.a", "y.c"])
        #expect(RunPlan(loaded: loaded).entries.map { $0.suite?.id } == ["s", "s", nil])
        #expect(RunPlan(loaded: loaded, only: ["x.*"]).entries.map(\.scenario.metadata.id) == ["x.b", "x.a"])
        #expect(RunPlan(loaded: loaded, skip: ["x.b"]).entries.map(\.scenario.metadata.id) == ["x.a", "y.c"])
        #expect(RunPlan(loaded: loaded, tags: ["fast"]).entries.map(\.scenario.metadata.id) == ["x.a", "y.c"])
        #expect(RunPlan(loaded: loaded, only: ["y.c"]).suites.isEmpty)
    }
}
