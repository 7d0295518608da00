import Testing
@testable import OCPP

@Suite("OCPP-J framing")
struct FrameParserTests {
    @Test("parses the three message types and writes them back")
    func parsesFrames() throws {
        let call = try OCPPFrame.parse(#"[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"M"}]"#)
        #expect(call.frame.id == "19223201")
        #expect(call.frame.action == "BootNotification")
        #expect(call.frame.payload["chargePointVendor"] == "VendorX")

        let result = try OCPPFrame.parse(#"[3, "19223201", {"status":"Accepted","currentTime":"2026-01-01T00:00:00Z","interval":300}]"#)
        #expect(result.frame == .callResult(id: "19223201", payload: ["status": "Accepted", "currentTime": "2026-01-01T00:00:00Z", "interval": 300]))

        let error = try OCPPFrame.parse(#"[4,"1","NotSupported","no",{}]"#)
        #expect(error.frame == .callError(id: "1", code: .notSupported, description: "no", details: [:]))
        #expect(error.errorCodeSpelling == nil)
        #expect(error.frame.text == #"[4,"1","NotSupported","no",{}]"#)
    }

    @Test("accepts other spellings of the two odd 1.6 error codes and reports them", arguments: [
        ("FormatViolation", OCPPErrorCode.formationViolation),
        ("OccurrenceConstraintViolation", OCPPErrorCode.occurenceConstraintViolation),
        ("notsupported", OCPPErrorCode.notSupported),
    ])
    func errorCodeSpellings(received: String, code: OCPPErrorCode) throws {
        let parsed = try OCPPFrame.parse(#"[4,"1",""# + received + #"","",{}]"#)
        guard case .callError(_, let parsedCode, _, _) = parsed.frame else {
            Issue.record("not a CALLERROR")
            return
        }
        #expect(parsedCode == code)
        #expect(parsed.errorCodeSpelling == OCPPErrorCode.SpellingVariant(received: received, expected: code.wireName))
    }

    @Test("keeps an unknown error code as received")
    func unknownErrorCode() throws {
        let parsed = try OCPPFrame.parse(#"[4,"1","Error","",{}]"#)
        guard case .callError(_, let code, _, _) = parsed.frame else {
            Issue.record("not a CALLERROR")
            return
        }
        #expect(code == .unrecognized("Error"))
    }

    @Test("rejects malformed frames with the CALLERROR OCPP-J prescribes", arguments: [
        ("not json", nil as OCPPErrorCode?, nil as String?),
        (#"{"a":1}"#, nil, nil),
        (#"[5,"abc",{}]"#, .protocolError, "abc"),
        (#"[2,"abc","Heartbeat"]"#, .protocolError, "abc"),
        (#"[2,"abc","Heartbeat",{},1]"#, .formationViolation, "abc"),
        (#"[2,"abc","Heartbeat",[]]"#, .formationViolation, "abc"),
        (#"[2,"abc",7,{}]"#, .formationViolation, "abc"),
        (#"[2,"0123456789012345678901234567890123456","Heartbeat",{}]"#, .formationViolation, "0123456789012345678901234567890123456"),
        (#"[2,17,"Heartbeat",{}]"#, nil, nil),
        (#"[3,"abc",[]]"#, nil, "abc"),
        (#"[4,"abc","GenericError",{}]"#, nil, "abc"),
    ])
    func rejectsMalformed(text: String, replyCode: OCPPErrorCode?, messageId: String?) {
        let error = #expect(throws: FrameError.self) { try OCPPFrame.parse(text) }
        #expect(error?.replyCode == replyCode)
        #expect(error?.messageId == messageId)
        #expect(error?.message.isEmpty == false)
    }

    @Test("lenient parsing accepts a CALLERROR of four elements (no details) and marks it; strict parsing does not")
    func callErrorWithoutDetails() throws {
        let text = #"[4,"7","GenericError","oops"]"#
        let parsed = try OCPPFrame.parse(text, lenient: true)
        #expect(parsed.frame == .callError(id: "7", code: .genericError, description: "oops", details: [:]))
        #expect(parsed.omitsErrorDetails)
        #expect(try OCPPFrame.parse(#"[4,"7","GenericError","oops",{}]"#, lenient: true).omitsErrorDetails == false)
        let error = #expect(throws: FrameError.self) { try OCPPFrame.parse(text) }
        #expect(error?.kind == .wrongElementCount(expected: 5, found: 4))
        #expect(throws: FrameError.self) { try OCPPFrame.parse(#"[4,"7","GenericError",{}]"#, lenient: true) }
        #expect(throws: FrameError.self) { try OCPPFrame.parse(#"[3,"7"]"#, lenient: true) }
    }

    @Test("a message id of exactly 36 characters is allowed")
    func idLimit() throws {
        let id = String(repeating: "a", count: 36)
        #expect(try OCPPFrame.parse(#"[2,""# + id + #"","Heartbeat",{}]"#).frame.id == id)
    }
}
