import Foundation
import OCPP
import Testing
@testable import Emulator

@Suite("Station model: reservations and the local list")
struct ReservationAndLocalListTests {
    static func reservation(_ station: ModelHarness, connector: Int = 1, id: Int = 7, tag: String = "RESERVED",
                            minutes: Double = 10) -> JSONValue {
        ["connectorId": .integer(connector), "expiryDate": .string(OCPPTimestamp.text(station.now.addingTimeInterval(minutes * 60))),
         "idTag": .string(tag), "reservationId": .integer(id)]
    }

    @Test("A reserved connector takes only its idTag, whose StartTransaction names the reservation")
    func reservedConnector() throws {
        var station = TransactionTests.booted()
        #expect(station.status(of: "ReserveNow", Self.reservation(station)) == "Accepted")
        #expect(station.statuses(of: 1) == ["Reserved"])
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "SOMEONE"]) == "Rejected")
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("SOMEONE", connector: 1))
        #expect(station.payloads("StartTransaction").isEmpty)
        try station.perform(.presentIdTag("RESERVED", connector: 1))
        let start = try #require(station.payloads("StartTransaction").first)
        #expect(start["reservationId"] == 7)
        #expect(station.connector(1)?.reservationId == nil)
    }

    @Test("ReserveNow answers Occupied, Faulted, Unavailable and Rejected where OCPP says so")
    func refusedReservations() throws {
        var station = TransactionTests.booted()
        try station.perform(.plug(connector: 1))
        #expect(station.status(of: "ReserveNow", Self.reservation(station, connector: 1)) == "Occupied")
        try station.perform(.raiseFault(connector: 2, errorCode: .highTemperature))
        #expect(station.status(of: "ReserveNow", Self.reservation(station, connector: 2)) == "Faulted")
        try station.perform(.clearFault(connector: 2))
        station.call("ChangeAvailability", ["connectorId": 2, "type": "Inoperative"])
        #expect(station.status(of: "ReserveNow", Self.reservation(station, connector: 2)) == "Unavailable")
        #expect(station.status(of: "ReserveNow", Self.reservation(station, connector: 0)) == "Rejected")
    }

    @Test("A reservation expires at its expiry date and can be cancelled before")
    func expiryAndCancel() {
        var station = TransactionTests.booted()
        #expect(station.status(of: "ReserveNow", Self.reservation(station, minutes: 5)) == "Accepted")
        station.advance(seconds: 301)
        #expect(station.statuses(of: 1) == ["Reserved", "Available"])
        #expect(station.status(of: "ReserveNow", Self.reservation(station, id: 8)) == "Accepted")
        #expect(station.status(of: "CancelReservation", ["reservationId": 8]) == "Accepted")
        #expect(station.status(of: "CancelReservation", ["reservationId": 8]) == "Rejected")
        #expect(station.connector(1)?.status == .available)
    }

    @Test("SendLocalList full and differential, with its version; a stale differential is a VersionMismatch")
    func localList() {
        var station = TransactionTests.booted()
        #expect(station.call("GetLocalListVersion", [:]) == .result(["listVersion": 0]))
        let full: JSONValue = ["listVersion": 3, "updateType": "Full", "localAuthorizationList": [
            ["idTag": "A", "idTagInfo": ["status": "Accepted"]], ["idTag": "B", "idTagInfo": ["status": "Blocked"]],
        ]]
        #expect(station.status(of: "SendLocalList", full) == "Accepted")
        #expect(station.call("GetLocalListVersion", [:]) == .result(["listVersion": 3]))
        #expect(station.status(of: "SendLocalList", ["listVersion": 2, "updateType": "Differential"]) == "VersionMismatch")
        #expect(station.status(of: "SendLocalList", ["listVersion": 4, "updateType": "Differential",
                                                     "localAuthorizationList": [["idTag": "B"]]]) == "Accepted")
        #expect(station.model.authorization.localList.keys.sorted() == ["A"])
        let tooLong = JSONValue.array((0...100).map { ["idTag": .string("T\($0)"), "idTagInfo": ["status": "Accepted"]] })
        #expect(station.status(of: "SendLocalList", ["listVersion": 5, "updateType": "Full", "localAuthorizationList": tooLong]) == "Failed")
    }

    @Test("Offline, the local list authorizes (LocalAuthorizeOffline) and unknown tags are refused")
    func offlineAuthorization() throws {
        var station = TransactionTests.booted()
        station.call("SendLocalList", ["listVersion": 1, "updateType": "Full",
                                       "localAuthorizationList": [["idTag": "LISTED", "idTagInfo": ["status": "Accepted"]]]])
        station.networkDown = true
        station.loseConnection()
        try station.perform(.plug(connector: 1))
        try station.perform(.presentIdTag("STRANGER", connector: 1))
        #expect(station.connector(1)?.status == .preparing)
        #expect(station.connector(1)?.idTag == nil)
        try station.perform(.presentIdTag("LISTED", connector: 1))
        #expect(station.connector(1)?.status == .charging)
    }

    @Test("The cache remembers answers; ClearCache forgets them")
    func cache() throws {
        var station = TransactionTests.booted()
        try station.perform(.presentIdTag("CACHED", connector: 1))
        #expect(station.model.authorization.cache["CACHED"]?.status == .accepted)
        #expect(station.status(of: "ClearCache", [:]) == "Accepted")
        #expect(station.model.authorization.cache.isEmpty)
    }

    @Test("A remote start on a group reservation with an unknown tag is accepted and its Authorize decides (AuthorizeRemoteTxRequests)")
    func remoteStartDecidedByAuthorize() throws {
        var station = TransactionTests.booted()
        let expiry = JSONValue.string(OCPPTimestamp.text(station.now.addingTimeInterval(600)))
        let reservation: JSONValue = ["connectorId": 1, "expiryDate": expiry, "idTag": "RESERVED", "parentIdTag": "GROUP",
                                      "reservationId": 7]
        #expect(station.status(of: "ChangeConfiguration", ["key": "AuthorizeRemoteTxRequests", "value": "true"]) == "Accepted")
        #expect(station.status(of: "ReserveNow", reservation) == "Accepted")
        station.setReply("Authorize") { _ in ["idTagInfo": ["status": "Accepted", "parentIdTag": "GROUP"]] }
        try station.perform(.plug(connector: 1))
        #expect(station.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "MEMBER"]) == "Accepted")
        #expect(station.payloads("Authorize").first?["idTag"] == "MEMBER")
        let start = try #require(station.payloads("StartTransaction").first)
        #expect(start["reservationId"] == 7)

        var other = TransactionTests.booted()
        #expect(other.status(of: "ChangeConfiguration", ["key": "AuthorizeRemoteTxRequests", "value": "true"]) == "Accepted")
        #expect(other.status(of: "ReserveNow", reservation) == "Accepted")
        other.setReply("Authorize") { _ in ["idTagInfo": ["status": "Accepted", "parentIdTag": "ANOTHER-GROUP"]] }
        try other.perform(.plug(connector: 1))
        #expect(other.status(of: "RemoteStartTransaction", ["connectorId": 1, "idTag": "STRANGER"]) == "Accepted")
        #expect(other.payloads("StartTransaction").isEmpty, "a tag of another group does not take the reserved connector")
    }
}
