import Testing
@testable import OCPP

@Suite("OCPP 1.6 catalog")
struct CatalogTests {
    let catalog = OCPPCatalog.v16

    @Test("holds the 28 core actions and the 11 of the security extension")
    func counts() {
        #expect(catalog.actions.count == 39)
        #expect(catalog.actions.filter { $0.profile == .security }.count == 11)
        #expect(Set(catalog.actions.map(\.name)).count == 39)
        let perProfile = Dictionary(grouping: catalog.actions, by: \.profile).mapValues(\.count)
        #expect(perProfile == [.core: 16, .firmwareManagement: 4, .localAuthListManagement: 2, .reservation: 2,
                               .smartCharging: 3, .remoteTrigger: 1, .security: 11])
    }

    @Test("knows who sends each action")
    func directions() throws {
        #expect(try #require(catalog["BootNotification"]).direction == .chargePointToCentralSystem)
        #expect(try #require(catalog["Reset"]).direction == .centralSystemToChargePoint)
        #expect(try #require(catalog["DataTransfer"]).direction == .both)
        #expect(catalog.actions(initiatedBy: .chargePoint).count == 14)
        #expect(catalog.actions(initiatedBy: .centralSystem).count == 26)
        #expect(OCPPDirection.chargePointToCentralSystem.canBeInitiated(by: .centralSystem) == false)
    }

    @Test("suggests the action meant", arguments: [
        ("Bootnotification", "BootNotification"),
        ("HeartBeat", "Heartbeat"),
        ("StartTransactio", "StartTransaction"),
        ("RemoteStart", "RemoteStartTransaction"),
        ("MeterValue", "MeterValues"),
    ])
    func actionSuggestions(typed: String, meant: String) {
        #expect(catalog[typed] == nil)
        #expect(catalog.suggestions(forAction: typed).first == meant)
    }

    @Test("has no suggestion for something unrelated")
    func noSuggestion() {
        #expect(catalog.suggestions(forAction: "Xyzzy").isEmpty)
    }

    @Test("looks up the definition at a JSON path")
    func pathLookup() throws {
        let found = catalog.lookup(action: "MeterValues", .request, at: JSONPath(pointer: "/meterValue/0/sampledValue/3/measurand"))
        guard case .found(.enumeration(let measurand), let field) = found else {
            Issue.record("expected an enumeration, got \(found)")
            return
        }
        #expect(measurand.values.count == 22)
        #expect(field?.name == "measurand")
        #expect(field?.isRequired == false)

        guard case .unknownField(let parent, let name, let definition, let suggestions) =
            catalog.lookup(action: "MeterValues", .request, at: JSONPath(pointer: "/meterValue/0/sampledValues"))
        else {
            Issue.record("expected an unknown field")
            return
        }
        #expect(parent.description == "/meterValue/0")
        #expect(name == "sampledValues")
        #expect(definition.name == "MeterValue")
        #expect(suggestions == ["sampledValue"])

        guard case .notAContainer(let at, _) = catalog.lookup(action: "Heartbeat", .response, at: JSONPath(pointer: "/currentTime/x"))
        else {
            Issue.record("expected notAContainer")
            return
        }
        #expect(at.description == "/currentTime")

        guard case .unknownAction(let actionSuggestions) = catalog.lookup(action: "Hartbeat", .request, at: .root) else {
            Issue.record("expected unknown action")
            return
        }
        #expect(actionSuggestions == ["Heartbeat"])

        guard case .found(.object(let definition), nil) = catalog.lookup(action: "Heartbeat", .response, at: .root) else {
            Issue.record("expected the root object")
            return
        }
        #expect(definition.name == "Heartbeat.conf")
        #expect(definition.requiredFieldNames == ["currentTime"])
    }

    @Test("names types as the specification does")
    func displayNames() {
        #expect(OCPPType.ciString(20).displayName == "CiString20")
        #expect(OCPPType.string(format: .uri).displayName == "uri")
        #expect(OCPPType.array(of: .integer).displayName == "array of integer")
        #expect(OCPPType.dateTime.displayName == "dateTime")
    }
}
