import Foundation
import Testing
@testable import OCPP

@Suite("Default replies")
struct DefaultRepliesTests {
    @Test("every action a charge point sends has a default reply that is valid", arguments: DefaultReplies.actions)
    func validDefaults(action: String) throws {
        let replies = DefaultReplies()
        let reply = try #require(replies.reply(to: action, request: ["idTag": "A"]))
        let report = try #require(PayloadValidator().validate(reply, action: action, .response))
        #expect(report.violations.isEmpty, "\(report)")
    }

    @Test("covers exactly the actions the charge point initiates")
    func coverage() {
        let initiated = Set(OCPPCatalog.v16.actions(initiatedBy: .chargePoint).map(\.name))
        #expect(Set(DefaultReplies.actions) == initiated)
        #expect(DefaultReplies().reply(to: "Reset", request: [:]) == nil)
    }

    @Test("the usual answers: Accepted with interval, current time, fresh transaction ids, UnknownVendorId")
    func values() {
        let replies = DefaultReplies(heartbeatInterval: 42, firstTransactionId: 100, now: { Date(timeIntervalSince1970: 86_400) })
        #expect(replies.reply(to: "BootNotification", request: [:]) == ["status": "Accepted", "currentTime": "1970-01-02T00:00:00.000Z", "interval": 42])
        #expect(replies.reply(to: "Heartbeat", request: [:]) == ["currentTime": "1970-01-02T00:00:00.000Z"])
        #expect(replies.reply(to: "StartTransaction", request: [:])?["transactionId"] == 100)
        let copy = replies
        #expect(copy.reply(to: "StartTransaction", request: [:])?["transactionId"] == 101)
        #expect(replies.reply(to: "DataTransfer", request: ["vendorId": "X"]) == ["status": "UnknownVendorId"])
        #expect(replies.reply(to: "Authorize", request: ["idTag": "T"]) == ["idTagInfo": ["status": "Accepted"]])
    }

    @Test("an override replaces the default for its action only")
    func overrides() {
        var replies = DefaultReplies()
        replies.overrides["Authorize"] = { request in
            ["idTagInfo": ["status": request["idTag"] == "BLOCKED" ? "Blocked" : "Accepted"]]
        }
        #expect(replies.reply(to: "Authorize", request: ["idTag": "BLOCKED"]) == ["idTagInfo": ["status": "Blocked"]])
        #expect(replies.reply(to: "Heartbeat", request: [:])?["currentTime"] != nil)
    }
}
