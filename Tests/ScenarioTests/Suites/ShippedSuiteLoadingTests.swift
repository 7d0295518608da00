import Scenario
import Testing

@Suite("EV24 and OCPP 1.6 suites load cleanly")
struct ShippedSuiteLoadingTests {
    static let files = ShippedSuites.files(under: ShippedSuites.ev24Folder) + ShippedSuites.files(under: ShippedSuites.ocpp16Folder)
        + ShippedSuites.files(under: ShippedSuites.fixturesFolder)

    @Test("each file loads with the OCPP catalog, no errors and no warnings", arguments: files)
    func loadsWithoutDiagnostics(_ path: String) {
        let result = ShippedSuites.load([path])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.files.first == path)
    }

    @Test func everythingLoadsTogetherWithUniqueIDs() {
        let result = ShippedSuites.all()
        #expect(result.diagnostics.map(\.description) == [])
        #expect(Set(result.scenarios.map(\.metadata.id)).count == result.scenarios.count)
        #expect(result.scenarios.count >= 100)
    }

    @Test func ev24SuiteHasTheRequiredRules() throws {
        let result = ShippedSuites.load([ShippedSuites.ev24Folder + "/suite.yaml"])
        let suite = try #require(result.suites.first)
        #expect(result.diagnostics.isEmpty)
        var anyPass: [String] = []
        var allPass: [String] = []
        var messages: [String] = []
        for rule in suite.rules {
            switch rule.kind {
            case .anyPass(let patterns): anyPass += patterns
            case .allPass(let patterns): allPass += patterns
            case .messages(let names): messages += names
            }
        }
        let ids = suite.scenarios.map(\.metadata.id)
        let connection = ids.filter { id in anyPass.contains { VerdictRule.pattern($0, selects: id) } }
        #expect(connection.sorted() == ["ev24.connection-ws", "ev24.connection-wss-basic", "ev24.connection-wss-mtls"])
        #expect(allPass.sorted() == ["ev24.configuration", "ev24.connector-status", "ev24.meter-values", "ev24.remote-restart",
                                     "ev24.remote-start", "ev24.remote-stop", "ev24.stop-by-unplug"])
        #expect(Set(messages) == EV24Requirements.requiredMessages)
        #expect(messages.count == 14)
        #expect(Set(suite.optionalMessages) == EV24Requirements.optionalMessages)
    }

    @Test("each connection scenario requires its own security mode", arguments: SecurityMode.allCases)
    func connectionScenarioDeclaresItsMode(_ mode: SecurityMode) throws {
        let result = ShippedSuites.load([ShippedSuites.ev24Folder + "/connection-\(mode.rawValue).yaml"])
        let scenario = try #require(result.scenarios.first)
        #expect(scenario.metadata.requirements.security == mode)
        #expect(scenario.steps.contains { if case .hold = $0.kind { true } else { false } })
    }

    @Test func everyRequiredMessageIsExercisedByTheSuite() throws {
        let result = ShippedSuites.load([ShippedSuites.ev24Folder + "/suite.yaml"])
        let suite = try #require(result.suites.first)
        var used = Set(suite.scenarios.flatMap(\.actionsUsed))
        let holds = suite.scenarios.contains { scenario in scenario.steps.contains { if case .hold = $0.kind { true } else { false } } }
        if holds { used.insert("Heartbeat") }  // `hold` checks the heartbeats
        #expect(EV24Requirements.requiredMessages.subtracting(used).sorted() == [])
        #expect(EV24Requirements.optionalMessages.subtracting(used).sorted() == [])
    }

    @Test func optionalMessageScenariosAreNotInAnyRule() throws {
        let result = ShippedSuites.load([ShippedSuites.ev24Folder + "/suite.yaml"])
        let suite = try #require(result.suites.first)
        let patterns = suite.rules.flatMap { rule -> [String] in
            switch rule.kind {
            case .anyPass(let list), .allPass(let list): list
            case .messages: []
            }
        }
        let optional = suite.scenarios.filter { !$0.metadata.id.hasPrefix("ev24.") }
        #expect(optional.count >= 7)
        for scenario in optional {
            #expect(!patterns.contains { VerdictRule.pattern($0, selects: scenario.metadata.id) }, "\(scenario.metadata.id) would fail the verdict")
        }
    }

    @Test func ocpp16FoldersAreTheCatalogModules() {
        let result = ShippedSuites.load([ShippedSuites.ocpp16Folder])
        for scenario in result.scenarios {
            let folder = scenario.file.split(separator: "/").dropLast().last.map(String.init) ?? ""
            let module = ComplianceCatalog.ocpp16ChargePoint.first { $0.folderName == folder }
            #expect(module != nil, "\(scenario.file) is not in a module folder")
            let moduleCases = Set(module?.cases.map(\.id) ?? [])
            #expect(!scenario.metadata.complianceCases.isEmpty, "\(scenario.metadata.id) carries no case id")
            for tag in scenario.metadata.complianceCases {
                #expect(moduleCases.contains(tag), "\(scenario.metadata.id) in \(folder) is tagged \(tag) of another module")
            }
        }
    }

    @Test func liveOnlyScenariosSayWhatTheyNeed() {
        let result = ShippedSuites.all()
        for scenario in result.scenarios where scenario.metadata.tags.contains(CoverageMatrix.liveOnlyTag) {
            #expect((scenario.metadata.description ?? "").contains("Live only:"), "\(scenario.metadata.id) does not say why it is live only")
        }
    }
}

/// The message lists of the EV24 requirements (shared/seeds/ev24-manufacturer-integration.txt).
enum EV24Requirements {
    static let requiredMessages: Set<String> = [
        "Authorize", "BootNotification", "Heartbeat", "StatusNotification", "StartTransaction", "StopTransaction", "MeterValues",
        "RemoteStartTransaction", "RemoteStopTransaction", "GetConfiguration", "ChangeConfiguration", "Reset", "UnlockConnector",
        "ChangeAvailability",
    ]
    static let optionalMessages: Set<String> = [
        "GetDiagnostics", "DiagnosticsStatusNotification", "SecurityEventNotification", "FirmwareStatusNotification",
        "SetChargingProfile", "SendLocalList", "ClearChargingProfile", "TriggerMessage", "DataTransfer", "ClearCache", "UpdateFirmware",
    ]
}
