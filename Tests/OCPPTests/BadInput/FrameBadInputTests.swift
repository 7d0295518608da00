import BadInputTable
import OCPP
import Testing

/// The "OCPP frames" rows of docs/bad-input.md: a frame a station sends to the central system, and the finding the
/// user sees for it in the run's report (the finding's text without its `frame:` line, which repeats the input).
@Suite("Bad input: OCPP frames")
struct FrameBadInputTests {
    static let rows: [BadInputRow] = [
        BadInputRow("not JSON", sample: "this is not json", message: [
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: not JSON: line 1, column 1: invalid literal; expected 'true'",
        ]),
        BadInputRow("JSON, but not an array", sample: #"{"a":1}"#, message: [
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: an OCPP-J frame is a JSON array, found object",
        ]),
        BadInputRow("an unknown message type id", sample: #"[9,"m1",{}]"#, message: [
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: the message type id must be 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR), found 9; the answer is a CALLERROR ProtocolError",
        ]),
        BadInputRow("a CALL without its payload", sample: #"[2,"m1","Heartbeat"]"#, message: [
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: a CALL has 4 elements, found 3; the answer is a CALLERROR ProtocolError",
        ]),
        BadInputRow("a CALL whose payload is not an object", sample: #"[2,"m1","Heartbeat",[]]"#, message: [
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: the payload (element 4) must be an object, found array; the answer is a CALLERROR FormationViolation",
        ]),
        BadInputRow("an empty message id", sample: #"[2,"","Heartbeat",{}]"#, message: [
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: the message id (element 2) must be a non-empty string, found \"\"",
        ]),
        BadInputRow("a message id longer than 36 characters", sample: #"[2,"0123456789012345678901234567890123456","Heartbeat",{}]"#, message: [
            "error: [malformed-frame] the charge point sent a frame that is not valid OCPP-J: the message id has 37 characters; OCPP-J allows at most 36; the answer is a CALLERROR FormationViolation",
        ]),
        BadInputRow("an action OCPP 1.6 does not define", sample: #"[2,"m1","HeartBeat",{}]"#, message: [
            "error: [unknown-action] the charge point sent \"HeartBeat\", which is not an OCPP 1.6 action (did you mean \"Heartbeat\"?)",
        ]),
        BadInputRow("an action only the central system sends", sample: #"[2,"m1","Reset",{"type":"Hard"}]"#, message: [
            "error: [wrong-direction] the charge point sent Reset, which only the central system may send (central system → charge point)",
        ]),
        BadInputRow("a required field missing", sample: #"[2,"m1","StartTransaction",{"connectorId":1,"idTag":"A","timestamp":"2026-01-01T00:00:00Z"}]"#, message: [
            "error: [schema-violation] the charge point's StartTransaction request \"m1\" breaks the OCPP 1.6 schema: 1 violation(s)",
            "    /meterStart: required field \"meterStart\" (integer) is missing",
        ]),
        BadInputRow("a timestamp without a zone", sample: #"[2,"m1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2026-01-01T00:00:00"}]"#, message: [
            "error: [schema-violation] the charge point's StatusNotification request \"m1\" breaks the OCPP 1.6 schema: 1 violation(s)",
            "    /timestamp: \"2026-01-01T00:00:00\" is not an RFC 3339 date-time: no time-zone offset (add \"Z\" or \"+hh:mm\") (write e.g. 2026-01-31T13:45:00Z)",
        ]),
        BadInputRow("a value outside its enumeration", sample: #"[2,"m1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Free"}]"#, message: [
            "error: [schema-violation] the charge point's StatusNotification request \"m1\" breaks the OCPP 1.6 schema: 1 violation(s)",
            "    /status: \"Free\" is not one of the 9 charge point statuses (see the ChargePointStatus values in the OCPP 1.6 specification)",
        ]),
        BadInputRow("a string longer than its maximum", sample: #"[2,"m1","Authorize",{"idTag":"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}]"#, message: [
            "error: [schema-violation] the charge point's Authorize request \"m1\" breaks the OCPP 1.6 schema: 1 violation(s)",
            "    /idTag: \"ABCDEFGHIJKLMNOPQRSTUVWXYZ\" has 26 characters; CiString20 allows at most 20",
        ]),
        BadInputRow("an integer sent as a string", sample: #"[2,"m1","MeterValues",{"connectorId":"1","meterValue":[]}]"#, message: [
            "error: [schema-violation] the charge point's MeterValues request \"m1\" breaks the OCPP 1.6 schema: 2 violation(s)",
            "    /connectorId: expected an integer, found the string \"1\" (send the number without quotes)",
            "    /meterValue: the array has 0 elements; at least 1 required",
        ]),
        BadInputRow("a field the schema does not define", sample: #"[2,"m1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M","colour":"red"}]"#, message: [
            "error: [schema-violation] the charge point's BootNotification request \"m1\" breaks the OCPP 1.6 schema: 1 violation(s)",
            "    /colour: \"colour\" is not a field of BootNotification.req",
        ]),
        BadInputRow("a CALLRESULT to no CALL (a wrong uniqueId)", sample: #"[3,"zzz",{}]"#, message: [
            "error: [unexpected-response] the charge point sent a CALLRESULT for \"zzz\", which matches no outstanding CALL of the central system",
        ]),
        BadInputRow("a CALLERROR with a code OCPP does not define", sample: #"[4,"zzz","Oops","",{}]"#, message: [
            "error: [unexpected-response] the charge point sent a CALLERROR for \"zzz\", which matches no outstanding CALL of the central system",
            "error: [unrecognized-error-code] the charge point answered \"zzz\" with \"Oops\", which is not an OCPP 1.6 error code",
        ]),
    ]

    /// A station's frame is followed by this CALL; once the session hands it on, every finding of the frame before is
    /// in. (Its own concurrent-call warning, when the frame before was a CALL left unanswered, is not the row's.)
    static let marker = #"[2,"marker","Heartbeat",{}]"#

    @Test("the station's frame gives exactly the row's finding", arguments: rows)
    func finding(_ row: BadInputRow) async throws {
        try await withSessionAndRawPeer { session, peer in
            let calls = Mailbox(session.incomingCalls)
            try await peer.send(try #require(row.sample))
            try await peer.send(Self.marker)
            _ = try #require(await calls.first { $0.id == "marker" })
            let shown = await session.findings.filter { !($0.kind == .concurrentCall && $0.messageId == "marker") }
                .flatMap { $0.description.components(separatedBy: "\n") }
                .filter { !$0.hasPrefix("    frame: ") }
            #expect(shown == row.message)
        }
    }

    @Test("docs/bad-input.md shows exactly these rows")
    func documented() {
        #expect(BadInputTable.disagreement(group: "OCPP frames", rows: Self.rows) == nil)
    }
}
