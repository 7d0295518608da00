import Foundation
import OCPP
import Scenario
import Testing
import YAML

@Suite("Loader: step kinds and scenario keys")
struct LoaderStepTests {
    static let everyKind = """
        scenario: Every step kind
        id: all.kinds
        tags: [demo, TC_013_CS]
        description: One of each.
        requires: {security: wss-mtls, messages: [Reset], profiles: [Core], connectors: 2, fixed-cable: false, id-tags: [valid, blocked]}
        expected-failure: the emulator does not support this yet
        given: {connector: 1, idTag: TAG-1}
        timeout: 3m
        within: 20s
        replies:
          Heartbeat: {reply: {currentTime: "${now()}"}}
          DataTransfer: {reply-error: {code: NotImplemented, description: no}}
          MeterValues: {no-reply: true}
        steps:
          - send: Reset
            name: soft reset
            with: {type: Soft}
            match: {status: Accepted}
            capture: {resetStatus: result.status}
          - expect: BootNotification
            reply: {status: Accepted, interval: 300, currentTime: "${now()}"}
            reply-after: 2s
            optional: true
            within: 1m
          - wait: 500ms
          - hold: 10m
            heartbeat-interval: 60s
            tolerance: 5s
          - expect-disconnect: true
          - expect-reconnect:
            within: 90s
          - expect-none: any
            for: 30s
          - action: present-card
            connector: "${connector}"
            id-tag: "${idTag}"
            prompt: Present card ${idTag}
          - any-order:
              - expect: Authorize
                reply-raw: '[3, "${payload.idTag}"'
              - expect: StatusNotification
                capture: {status: payload.status}
          - repeat:
              - send: UnlockConnector
                with: {connectorId: "${c}"}
                match-error: {code: NotSupported}
            for-each: {c: [1, 2]}
          - repeat:
              - log: iteration ${iteration}, last status ${status}
            times: 2
          - assert: resetStatus == 'Accepted'
            message: reset was ${resetStatus}
        teardown:
          - send: ChangeAvailability
            with: {connectorId: 0, type: Operative}
        """

    @Test func loadsEveryStepKind() throws {
        let result = ScenarioLoader().load(text: Self.everyKind, file: "all.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let scenario = try #require(result.scenarios.first)
        #expect(scenario.steps.map(\.verb) == ["send", "expect", "wait", "hold", "expect-disconnect", "expect-reconnect", "expect-none", "action", "any-order", "repeat", "repeat", "assert"])
        #expect(scenario.metadata.requirements == Requirements(security: .wssMTLS, messages: ["Reset"], profiles: ["Core"], connectors: 2, fixedCable: false, idTags: [.valid, .blocked]))
        #expect(scenario.metadata.complianceCases == ["TC_013_CS"])
        #expect(scenario.metadata.expectedFailure == "the emulator does not support this yet")
        #expect(scenario.timeout == .seconds(180))
        #expect(scenario.teardown.map(\.verb) == ["send"])
        #expect(scenario.needsOperator)
        #expect(scenario.actionsUsed == ["Authorize", "BootNotification", "ChangeAvailability", "DataTransfer", "Heartbeat", "MeterValues", "Reset", "StatusNotification", "UnlockConnector"])

        guard case .send(let send) = scenario.steps[0].kind else { throw Failure("not a send") }
        #expect(scenario.steps[0].name == "soft reset")
        #expect(send.payload == .constant(["type": "Soft"]))
        #expect(send.within == .seconds(20), "the scenario's within: is the default")
        #expect(send.captures.map(\.name) == ["resetStatus"])

        guard case .expect(let expect) = scenario.steps[1].kind, let reply = expect.reply else { throw Failure("not an expect with reply") }
        #expect(expect.optional && expect.within == .seconds(60))
        #expect(reply.delay == .seconds(2))
        guard case .result(let payload) = reply.kind else { throw Failure("not a result") }
        let evaluated = try payload.evaluate(in: Environment(clock: { .init(timeIntervalSince1970: 0) }))
        #expect(evaluated == ["status": "Accepted", "interval": 300, "currentTime": "1970-01-01T00:00:00.000Z"])

        #expect(scenario.steps[2].kind == .wait(.milliseconds(500)))
        #expect(scenario.steps[3].kind == .hold(Hold(duration: .seconds(600), heartbeatInterval: .seconds(60), tolerance: .seconds(5))))
        #expect(scenario.steps[4].kind == .expectDisconnect(within: Defaults.disconnectWithin))
        #expect(scenario.steps[5].kind == .expectReconnect(within: .seconds(90)))
        #expect(scenario.steps[6].kind == .expectNone(ExpectNone(action: nil, duration: .seconds(30))))
        guard case .action(let action) = scenario.steps[7].kind else { throw Failure("not an action") }
        #expect(action.act == .presentCard)
        #expect(try action.prompt?.render(in: Environment(variables: ["idTag": "T"])) == "Present card T")
        guard case .anyOrder(let group) = scenario.steps[8].kind, case .expect(let authorize) = group[0].kind, case .raw = authorize.reply?.kind else {
            throw Failure("not an any-order with a raw reply")
        }
        guard case .repeating(let loop) = scenario.steps[9].kind, case .forEach("c", .constant([1, 2])) = loop.mode,
            case .send(let unlock) = loop.steps[0].kind
        else { throw Failure("not a for-each") }
        #expect(unlock.matchError?.match(["code": "NotSupported", "description": ""], in: Environment()) == [])
        guard case .assert(let assertion) = scenario.steps[11].kind else { throw Failure("not an assert") }
        #expect(try assertion.expression.evaluate(in: Environment(variables: ["resetStatus": "Accepted"])) == true)

        #expect(scenario.replies.keys.sorted() == ["DataTransfer", "Heartbeat", "MeterValues"])
        #expect(scenario.replies["MeterValues"]?.kind == Reply.Kind.none)
    }

    @Test func includesBringTheirVariablesIntoScope() throws {
        let result = ScenarioLoader().load(paths: [RepositoryPaths.scenarios + "/examples/meter-values.yaml"])
        #expect(result.diagnostics.isEmpty)
        let scenario = try #require(result.scenarios.first)
        #expect(scenario.uses.map(\.path) == ["fixtures/booted.yaml", "fixtures/charging.yaml"])
        #expect(scenario.uses[1].bindings.map(\.name) == ["connector", "idTag"])
        #expect(result.fixtures.map(\.metadata.name) == ["Station connected and booted", "A transaction is running"])
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

@Suite("Loader: typing by the OCPP schema")
struct SchemaTypingTests {
    @Test func plainScalarsBecomeStringsWhereTheSchemaWantsAString() throws {
        let text = """
            scenario: typing
            steps:
              - send: ChangeConfiguration
                with: { key: "0x10", value: on }
              - send: ChangeConfiguration
                with: { key: MeterValueSampleInterval, value: 1e3 }
              - send: DataTransfer
                with: { vendorId: com.example, data: ~ }
              - send: UnlockConnector
                with: { connectorId: 0x10 }
            """
        let result = ScenarioLoader().load(text: text, file: "typing.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let payloads = try #require(result.scenarios.first).steps.compactMap { step -> JSONValue? in
            if case .send(let send) = step.kind { return send.payload.constantValue }
            return nil
        }
        #expect(payloads == [
            ["key": "0x10", "value": "on"], ["key": "MeterValueSampleInterval", "value": "1e3"],
            ["vendorId": "com.example", "data": "~"], ["connectorId": 16],
        ])
    }

    @Test func withoutACatalogYAMLCoreTypingApplies() throws {
        let text = "scenario: t\nsteps:\n  - send: ChangeConfiguration\n    with: { key: K, value: on, n: 1e3, x: ~ }\n"
        let result = ScenarioLoader(catalog: nil).load(text: text, file: "t.yaml")
        guard case .send(let send) = try #require(result.scenarios.first?.steps.first).kind else { throw LoaderStepTests.Failure("not a send") }
        #expect(send.payload.constantValue == ["key": "K", "value": "on", "n": 1000.0, "x": nil])
    }

    @Test func invalidSendsSkipTheSchema() {
        let text = "scenario: t\nsteps:\n  - send: UnlockConnector\n    invalid: true\n    with: { connectorId: not-a-number, extra: 1 }\n"
        #expect(ScenarioLoader().load(text: text, file: "t.yaml").diagnostics.isEmpty)
    }
}

@Suite("Loader: files, folders and suites")
struct LoaderFileTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "chargecheck-loader-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/fixtures", withIntermediateDirectories: true)
        return path
    }

    @Test func folderWithoutSuiteFileListsEveryScenarioAndReportsDuplicateIds() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "scenario: A\nid: same\nsteps:\n  - wait: 1s\n".write(toFile: root + "/a.yaml", atomically: true, encoding: .utf8)
        try "scenario: B\nid: same\nsteps:\n  - wait: 1s\n".write(toFile: root + "/b.yml", atomically: true, encoding: .utf8)
        try "fixture: F\nsteps:\n  - wait: 1s\n".write(toFile: root + "/fixtures/f.yaml", atomically: true, encoding: .utf8)
        let result = ScenarioLoader().load(paths: [root])
        #expect(result.scenarios.map(\.metadata.name) == ["A", "B"])
        #expect(result.fixtures.map(\.metadata.name) == ["F"])
        #expect(result.diagnostics.map(\.description) == [
            "\(root)/b.yml:1:1: error: scenario id 'same' is already used by \(root)/a.yaml\n\(root)/b.yml:1:1: note: give each scenario its own 'id:'",
        ])
    }

    @Test func suiteWithoutScenariosKeyTakesItsFolder() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "suite: S\nverdict:\n  - any-pass: [x.*]\n".write(toFile: root + "/suite.yaml", atomically: true, encoding: .utf8)
        try "scenario: One\nid: x.one\nsteps:\n  - wait: 1s\n".write(toFile: root + "/one.yaml", atomically: true, encoding: .utf8)
        try "fixture: F\nsteps:\n  - wait: 1s\n".write(toFile: root + "/fixtures/f.yaml", atomically: true, encoding: .utf8)
        let result = ScenarioLoader().load(paths: [root + "/suite.yaml"])
        #expect(result.diagnostics.isEmpty)
        let suite = try #require(result.suites.first)
        #expect(suite.scenarios.map(\.metadata.id) == ["x.one"])
        #expect(suite.rules == [VerdictRule(name: "any-pass", kind: .anyPass(["x.*"]), location: suite.rules[0].location)])
        #expect(VerdictRule.pattern("x.*", selects: "x.one") && !VerdictRule.pattern("x.one", selects: "x.two"))
    }

    /// Found while fuzzing the loader (a hand-written input replayed through the fuzz target): a suite listing
    /// `scenarios: [/]` walked the whole file system for minutes.
    @Test(arguments: ["suite-entry", "suite-folder", "loaded-folder"])
    func foldersTooBigToWalkAreAnErrorAtTheirPlace(way: String) throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["a", "b", "c", "d"] {
            try "scenario: \(name)\nsteps:\n  - wait: 1s\n".write(toFile: root + "/fixtures/\(name).yaml", atomically: true, encoding: .utf8)
        }
        var loader = ScenarioLoader()
        loader.maximumFolderEntries = 3
        let errors: [Diagnostic]
        let expected: (folder: String, location: Location)
        switch way {
        case "suite-entry":
            try "suite: S\nscenarios:\n  - fixtures\n".write(toFile: root + "/suite.yaml", atomically: true, encoding: .utf8)
            errors = loader.load(paths: [root + "/suite.yaml"]).errors
            expected = (root + "/fixtures", Location(file: root + "/suite.yaml", line: 3, column: 5))
        case "suite-folder":
            try "suite: S\n".write(toFile: root + "/suite.yaml", atomically: true, encoding: .utf8)
            errors = loader.load(paths: [root + "/suite.yaml"]).errors
            expected = (root, Location(file: root + "/suite.yaml", line: 1, column: 1))
        default:
            errors = loader.load(paths: [root]).errors
            expected = (root, Location(file: root, line: 1, column: 1))
        }
        #expect(errors.map(\.message) == ["folder '\(expected.folder)' holds more than 3 files and folders; it is not a folder of scenarios"])
        #expect(errors.first?.location == expected.location)
        #expect(errors.first?.hint == "name the folder that holds the scenario files")
        loader.maximumFolderEntries = 4
        #expect(loader.load(paths: [root + "/fixtures"]).scenarios.count == 4)
    }

    @Test func longIncludeChainsAreBounded() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for index in 0..<40 {
            let uses = index < 39 ? "uses: f\(index + 1).yaml\n" : ""
            try "fixture: F\(index)\n\(uses)steps:\n  - wait: 1s\n".write(toFile: root + "/f\(index).yaml", atomically: true, encoding: .utf8)
        }
        let errors = ScenarioLoader().load(paths: [root + "/f0.yaml"]).errors
        #expect(errors.first?.message == "includes nest more than 32 files deep")
        #expect(errors.first?.location.file == root + "/f31.yaml")
    }
}
