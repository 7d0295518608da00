import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: bad input from the central system and impossible physical actions")
struct BadInputTests {
    struct BadCall: Sendable, CustomTestStringConvertible {
        let action: String
        let payload: JSONValue
        let code: String
        let mentions: String
        var testDescription: String { "\(action) \(payload) → \(code)" }
    }

    @Test("Malformed CALLs are answered with the CALLERROR OCPP-J prescribes, naming the field", arguments: [
        BadCall(action: "RemoteStartTransaction", payload: [:], code: "OccurenceConstraintViolation", mentions: "idTag"),
        BadCall(action: "RemoteStopTransaction", payload: ["transactionId": "12"], code: "TypeConstraintViolation", mentions: "transactionId"),
        BadCall(action: "Reset", payload: ["type": "Sideways"], code: "PropertyConstraintViolation", mentions: "type"),
        BadCall(action: "ReserveNow", payload: ["connectorId": 1, "expiryDate": "tomorrow", "idTag": "A", "reservationId": 1],
                code: "PropertyConstraintViolation", mentions: "expiryDate"),
        BadCall(action: "GetConfiguration", payload: ["key": [1, 2]], code: "TypeConstraintViolation", mentions: "key"),
        BadCall(action: "ChangeAvailability", payload: "Inoperative", code: "FormationViolation", mentions: "JSON object"),
        BadCall(action: "SetChargingProfile", payload: ["connectorId": 1], code: "OccurenceConstraintViolation", mentions: "csChargingProfiles"),
        BadCall(action: "FlyToTheMoon", payload: [:], code: "NotImplemented", mentions: "FlyToTheMoon"),
        BadCall(action: "GetLog", payload: [:], code: "NotSupported", mentions: "GetLog"),
    ])
    func malformedCalls(_ bad: BadCall) {
        var station = TransactionTests.booted()
        let outcome = station.call(bad.action, bad.payload)
        guard case .error(let code, let description) = outcome else {
            Issue.record("expected a CALLERROR, got \(outcome)")
            return
        }
        #expect(code == bad.code)
        #expect(description.contains(bad.mentions))
        #expect(station.model.isOnline)
    }

    @Test("Physical actions that make no sense are refused with the reason", arguments: [
        (PhysicalAction.plug(connector: 3), "connectors 1…2"),
        (.unplug(connector: 1), "no cable"),
        (.presentIdTag("", connector: nil), "1 to 20 characters"),
        (.presentIdTag("THIS-TAG-IS-FAR-TOO-LONG", connector: nil), "1 to 20 characters"),
        (.raiseFault(connector: 1, errorCode: .noError), "other than NoError"),
        (.clearFault(connector: -1), "connectors 0…2"),
        (.powerRestore, "has power already"),
    ])
    func impossibleActions(action: PhysicalAction, reason: String) {
        var station = TransactionTests.booted()
        #expect {
            try station.perform(action)
        } throws: { error in
            (error as? PhysicalActionError)?.description.contains(reason) == true
        }
    }

    @Test("Plugging twice is refused")
    func doublePlug() throws {
        var station = TransactionTests.booted()
        try station.perform(.plug(connector: 1))
        #expect(throws: PhysicalActionError(action: .plug(connector: 1), reason: "a cable is already plugged into connector 1")) {
            try station.perform(.plug(connector: 1))
        }
    }

    @Test("Answers the station does not understand change nothing and crash nothing")
    func strangeAnswers() throws {
        var station = ModelHarness()
        station.start()
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("TAG", connector: 1))
        station.clearSent()
        station.holdCalls = true
        try station.perform(.unplug(connector: 1))
        let taken = station.takeCall()
        let stop = try #require(taken)
        station.answer(stop, with: "not an object")
        #expect(station.model.inFlight == nil)
        #expect(station.connector(1)?.status == .available)
    }
}
