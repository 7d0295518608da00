import Testing
@testable import OCPP

@Suite("Payload validation")
struct PayloadValidatorTests {
    let strict = PayloadValidator(mode: .strict)
    let lenient = PayloadValidator(mode: .lenient)

    func report(_ validator: PayloadValidator, _ json: String, _ action: String, _ kind: OCPPMessageKind = .request) throws -> ValidationReport {
        try #require(validator.validate(try JSONValue(parsing: json), action: action, kind))
    }

    @Test("a valid MeterValues passes")
    func validMeterValues() throws {
        let result = try report(strict, #"{"connectorId":1,"transactionId":7,"meterValue":[{"timestamp":"2026-01-31T13:45:00.123+01:00","sampledValue":[{"value":"1234.5","measurand":"Energy.Active.Import.Register","unit":"Wh","context":"Sample.Periodic","phase":"L1-N","location":"Outlet"}]}]}"#, "MeterValues")
        #expect(result.violations.isEmpty)
        #expect(result.isValid)
    }

    @Test("reports the enum violation with the path and a did-you-mean")
    func enumDidYouMean() throws {
        let result = try report(strict, #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-31T13:45:00Z","sampledValue":[{"value":"1","measurand":"Energy.Active.Import"}]}]}"#, "MeterValues")
        let violation = try #require(result.violations.first)
        #expect(result.violations.count == 1)
        #expect(violation.rule == .enumeration)
        #expect(violation.value == "Energy.Active.Import")
        #expect(violation.description == #"/meterValue/0/sampledValue/0/measurand: "Energy.Active.Import" is not one of the 22 measurands (did you mean "Energy.Active.Import.Register"?)"#)
        #expect(violation.callErrorCode == .propertyConstraintViolation)
    }

    @Test("returns every violation at once, in document order")
    func everyViolation() throws {
        let result = try report(strict, #"{"connectorId":"one","idTag":"ABCDEFGHIJKLMNOPQRSTUVWXYZ","timestamp":"yesterday","extra":1}"#, "StartTransaction")
        let paths = result.violations.map { "\($0.path) \($0.rule.rawValue)" }
        #expect(paths == ["/connectorId type", "/idTag max-length", "/timestamp date-time", "/extra unknown-field",
                          "/meterStart required"])
        #expect(result.errors.count == 5)
        #expect(result.violations[1].message.contains("26 characters; CiString20 allows at most 20"))
        #expect(result.violations[4].callErrorCode == .occurenceConstraintViolation)
        #expect(result.violations[0].callErrorCode == .typeConstraintViolation)
    }

    @Test("minItems, nested required fields and empty responses")
    func structure() throws {
        let empty = try report(strict, #"{"connectorId":1,"meterValue":[]}"#, "MeterValues")
        #expect(empty.violations.map(\.rule) == [.minItems])
        let nested = try report(strict, #"{"connectorId":1,"meterValue":[{"sampledValue":[]}]}"#, "MeterValues")
        #expect(nested.violations.map(\.path.description) == ["/meterValue/0/sampledValue", "/meterValue/0/timestamp"])
        let response = try report(strict, #"{"status":"Accepted"}"#, "StatusNotification", .response)
        #expect(response.violations.first?.hint == "StatusNotification.conf must be {}")
        #expect(try report(strict, "{}", "StatusNotification", .response).isValid)
        let notObject = strict.validate([1], against: try #require(OCPPCatalog.v16["Heartbeat"]).request)
        #expect(notObject.violations.first?.message == "expected an object (Heartbeat.req), found an array")
    }

    @Test("CiString limits count characters, not bytes")
    func characterCount() throws {
        let twentyUmlauts = String(repeating: "ä", count: 20)
        #expect(try report(strict, #"{"idTag":""# + twentyUmlauts + #""}"#, "Authorize").isValid)
        #expect(try !report(strict, #"{"idTag":""# + twentyUmlauts + #"x"}"#, "Authorize").isValid)
    }

    @Test("decimals accept integers; multipleOf 0.1 tolerates float error")
    func decimals() throws {
        let profile = #"{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":LIMIT}]}}}"#
        for limit in ["16", "16.1", "0.7", "1.7", "32.3"] {
            #expect(try report(strict, profile.replacingOccurrences(of: "LIMIT", with: limit), "SetChargingProfile").isValid)
        }
        let bad = try report(strict, profile.replacingOccurrences(of: "LIMIT", with: "16.15"), "SetChargingProfile")
        #expect(bad.violations.map(\.rule) == [.multipleOf])
        #expect(bad.violations.first?.path.description == "/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit")
    }

    @Test("uri format on locations")
    func uri() throws {
        #expect(try report(strict, #"{"location":"ftp://host/dir","retrieveDate":"2026-01-01T00:00:00Z"}"#, "UpdateFirmware").isValid)
        let bad = try report(strict, #"{"location":"not a uri","retrieveDate":"2026-01-01T00:00:00Z"}"#, "UpdateFirmware")
        #expect(bad.violations.map(\.rule) == [.uri])
    }

    @Test("lenient mode accepts real-station deviations as warnings; strict fails them", arguments: [
        (#"{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"2023-10-19T15:28:07"}"#, "StartTransaction", Violation.Rule.dateTime),
        (#"{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"2023-10-19T15:28:07+03"}"#, "StartTransaction", .dateTime),
        (#"{"connectorId":"1","idTag":"A","meterStart":0,"timestamp":"2023-10-19T15:28:07Z"}"#, "StartTransaction", .type),
        (#"{"connectorId":1.0,"idTag":"A","meterStart":0,"timestamp":"2023-10-19T15:28:07Z"}"#, "StartTransaction", .type),
        (#"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":12.5}]}]}"#, "MeterValues", .type),
        (#"{"connectorId":1,"errorCode":"noerror","status":"Available"}"#, "StatusNotification", .enumeration),
        (#"{"connectorId":1,"errorCode":"NoError","status":"Available","vendor":"x"}"#, "StatusNotification", .unknownField),
    ])
    func lenientDeviations(json: String, action: String, rule: Violation.Rule) throws {
        let strictResult = try report(strict, json, action)
        #expect(strictResult.violations.map(\.rule) == [rule])
        #expect(!strictResult.isValid)
        let lenientResult = try report(lenient, json, action)
        #expect(lenientResult.isValid)
        #expect(lenientResult.warnings.map(\.rule) == [rule])
        #expect(lenientResult.warnings.first?.description.hasPrefix("warning: /") == true)
    }

    @Test("lenient mode still fails real errors")
    func lenientStillFails() throws {
        let result = try report(lenient, #"{"connectorId":1,"errorCode":"Error","status":"Available"}"#, "StatusNotification")
        #expect(!result.isValid)
        #expect(result.errors.map(\.path.description) == ["/errorCode"])
        let bool = try report(lenient, #"{"configurationKey":[{"key":"A","readonly":"true"}]}"#, "GetConfiguration", .response)
        #expect(bool.isValid)
        #expect(bool.warnings.map(\.rule) == [.type])
    }

    @Test("an unknown action has no report")
    func unknownAction() {
        #expect(strict.validate([:], action: "Nope", .request) == nil)
    }
}
