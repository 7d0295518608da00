import Foundation
import Testing
@testable import OCPP

@Suite("OCPP sessions")
struct SessionTests {
    @Test("a CALL gets its CALLRESULT, checked against the response definition")
    func callAndResult() async throws {
        try await withConnectedSessions { centralSystem, chargePoint in
            let calls = Mailbox(centralSystem.incomingCalls)
            async let outcome = chargePoint.call("BootNotification", ["chargePointVendor": "V", "chargePointModel": "M"])
            let incoming = try #require(await calls.next())
            #expect(incoming.action == "BootNotification")
            #expect(incoming.validation.isValid)
            try await incoming.respondWithDefault(DefaultReplies(heartbeatInterval: 60))
            guard case .result(let payload, let validation) = await outcome else {
                Issue.record("expected a result")
                return
            }
            #expect(payload["status"] == "Accepted")
            #expect(payload["interval"] == 60)
            #expect(validation.isValid)
            #expect(await centralSystem.findings.isEmpty)
            #expect(await chargePoint.findings.isEmpty)
        }
    }

    @Test("an invalid response is delivered with its violations and reported as a finding")
    func invalidResult() async throws {
        try await withConnectedSessions { centralSystem, chargePoint in
            let calls = Mailbox(chargePoint.incomingCalls)
            async let outcome = centralSystem.call("Reset", ["type": "Hard"])
            let incoming = try #require(await calls.next())
            let ownReport = try await incoming.respond(["status": "Acepted"])
            #expect(!ownReport.isValid)
            guard case .result(_, let validation) = await outcome else {
                Issue.record("expected a result")
                return
            }
            #expect(validation.errors.map(\.path.description) == ["/status"])
            let finding = try #require(await centralSystem.findings.first)
            #expect(finding.kind == .schemaViolation)
            #expect(finding.sender == .chargePoint)
            #expect(finding.raw?.contains("Acepted") == true)
        }
    }

    @Test("answering twice is refused")
    func answerOnce() async throws {
        try await withConnectedSessions { centralSystem, chargePoint in
            let calls = Mailbox(centralSystem.incomingCalls)
            async let outcome = chargePoint.call("Heartbeat", [:])
            let incoming = try #require(await calls.next())
            try await incoming.respondWithDefault(DefaultReplies())
            await #expect(throws: SessionError.alreadyAnswered(messageId: incoming.id, action: "Heartbeat")) {
                try await incoming.respond(["currentTime": "2026-01-01T00:00:00Z"])
            }
            #expect(await outcome.resultPayload?["currentTime"] != nil)
        }
    }

    @Test("CALLs queue: the second goes out only after the first is answered")
    func oneOutstandingCall() async throws {
        let trace = TraceRecorder()
        try await withSessionAndRawPeer(configuration: SessionConfiguration(trace: trace)) { session, peer in
            async let first = session.call("ClearCache", [:])
            async let second = session.call("GetLocalListVersion", [:])
            for _ in 0..<2 {
                guard case .call(let id, let action, _)? = await peer.nextFrame() else {
                    Issue.record("expected a CALL")
                    return
                }
                let reply: JSONValue = action == "ClearCache" ? ["status": "Accepted"] : ["listVersion": 3]
                try await peer.send(OCPPFrame.callResult(id: id, payload: reply).text)
            }
            #expect(await first.resultPayload?["status"] == "Accepted")
            #expect(await second.resultPayload?["listVersion"] == 3)
            let kinds = trace.records.filter { $0.kind != .opened }.map(\.kind)
            #expect(kinds == [.call, .callResult, .call, .callResult])
            #expect(await session.findings.isEmpty)
        }
    }

    @Test("message ids are unique and at most 36 characters")
    func messageIds() async throws {
        try await withSessionAndRawPeer { session, peer in
            var ids: Set<String> = []
            for _ in 0..<20 {
                async let outcome = session.call("ClearCache", [:])
                guard let frame = await peer.nextFrame() else {
                    Issue.record("no CALL")
                    return
                }
                #expect(frame.id.count <= 36)
                ids.insert(frame.id)
                try await peer.send(OCPPFrame.callResult(id: frame.id, payload: ["status": "Accepted"]).text)
                _ = await outcome
            }
            #expect(ids.count == 20)
        }
    }

    @Test("no answer within the deadline is a timeout; a late answer is a finding")
    func timeoutAndLateResponse() async throws {
        try await withSessionAndRawPeer { session, peer in
            let findings = Mailbox(session.findingUpdates)
            let outcome = await session.call("ClearCache", [:], timeout: .milliseconds(100))
            #expect(outcome == .timeout)
            let timedOut = await findings.next()
            #expect(timedOut?.kind == .unansweredCall)
            #expect(timedOut?.severity == .warning)
            #expect(timedOut?.message.contains("ClearCache") == true)
            #expect(timedOut?.raw?.contains(#""ClearCache",{}]"#) == true)
            let call = try #require(await peer.nextFrame())
            try await peer.send(OCPPFrame.callResult(id: call.id, payload: ["status": "Accepted"]).text)
            let late = await findings.next()
            #expect(late?.kind == .lateResponse)
            #expect(late?.action == "ClearCache")
        }
    }

    @Test("a dropped connection ends the outstanding call and the incoming stream")
    func disconnect() async throws {
        await withSessionAndRawPeer { session, peer in
            let calls = Mailbox(session.incomingCalls)
            async let outcome = session.call("ClearCache", [:])
            #expect(await peer.nextFrame()?.action == "ClearCache")
            peer.transport.drop()
            #expect(await outcome == .disconnected)
            let closure = await session.waitUntilClosed()
            #expect(closure.wasClean == false)
            #expect(await calls.next() == nil)
            #expect(await calls.finished, "the incoming stream should have ended, not timed out")
            #expect(await session.call("ClearCache", [:]) == .disconnected)
            let unanswered = await session.findings.filter { $0.kind == .unansweredCall }
            #expect(unanswered.map(\.sender) == [.chargePoint])
        }
    }

    @Test("a CALLERROR is the outcome; spelling variants and NotImplemented for a known action are findings")
    func callErrors() async throws {
        try await withSessionAndRawPeer { session, peer in
            async let first = session.call("TriggerMessage", ["requestedMessage": "Heartbeat"])
            let call = try #require(await peer.nextFrame())
            try await peer.send(#"[4,""# + call.id + #"","NotImplemented","no",{}]"#)
            #expect(await first == .error(code: .notImplemented, description: "no", details: [:]))

            async let second = session.call("Reset", ["type": "Soft"])
            let reset = try #require(await peer.nextFrame())
            try await peer.send(#"[4,""# + reset.id + #"","FormatViolation","",{}]"#)
            #expect(await second == .error(code: .formationViolation, description: "", details: [:]))

            let kinds = await session.findings.map(\.kind)
            #expect(kinds == [.errorCodeMixUp, .errorCodeSpelling])
        }
    }

    @Test("a peer flooding CALLs nobody reads gets InternalError beyond the queue limit; the queued ones stay")
    func incomingCallFlood() async throws {
        try await withSessionAndRawPeer(configuration: SessionConfiguration(maximumQueuedIncomingCalls: 2)) { session, peer in
            for index in 1...5 { try await peer.send(#"[2,"h\#(index)","Heartbeat",{}]"#) }
            for index in 3...5 {
                let answer = try #require(await peer.nextFrame())
                guard case .callError(let id, let code, _, _) = answer else {
                    Issue.record("expected a CALLERROR, got \(answer)")
                    return
                }
                #expect(id == "h\(index)")
                #expect(code == .internalError)
            }
            let calls = Mailbox(session.incomingCalls)
            #expect(await calls.next()?.id == "h1")
            #expect(await calls.next()?.id == "h2")
            await session.close()
            #expect(await calls.next() == nil)
        }
    }

    @Test("a CALLERROR without its details object is the outcome in lenient mode, with a warning")
    func callErrorWithoutDetailsLenient() async throws {
        try await withSessionAndRawPeer(configuration: SessionConfiguration(mode: .lenient)) { session, peer in
            async let outcome = session.call("Reset", ["type": "Soft"])
            let call = try #require(await peer.nextFrame())
            try await peer.send(#"[4,""# + call.id + #"","InternalError","busy"]"#)
            #expect(await outcome == .error(code: .internalError, description: "busy", details: [:]))
            let findings = await session.findings
            #expect(findings.map(\.kind) == [.malformedFrame])
            #expect(findings.map(\.severity) == [.warning])
            #expect(findings.first?.messageId == call.id)
        }
    }

    @Test("a CALLERROR without its details object stays malformed in strict mode")
    func callErrorWithoutDetailsStrict() async throws {
        try await withSessionAndRawPeer { session, peer in
            async let outcome = session.call("Reset", ["type": "Soft"], timeout: .milliseconds(200))
            let call = try #require(await peer.nextFrame())
            try await peer.send(#"[4,""# + call.id + #"","InternalError","busy"]"#)
            #expect(await outcome == .timeout)
            let malformed = await session.findings.filter { $0.kind == .malformedFrame }
            #expect(malformed.map(\.severity) == [.error])
        }
    }

    @Test("malformed frames are answered as OCPP-J prescribes and reported with the raw text", arguments: [
        (#"[2,"m1","Heartbeat"]"#, OCPPErrorCode.protocolError as OCPPErrorCode?),
        (#"[2,"m1","Heartbeat",[]]"#, .formationViolation),
        (#"[2,"m1","Heartbeat",{},{}]"#, .formationViolation),
        (#"[9,"m1",{}]"#, .protocolError),
        ("this is not json", nil),
        (#"[3,"m1",7]"#, nil),
    ])
    func malformedFrames(text: String, reply: OCPPErrorCode?) async throws {
        try await withSessionAndRawPeer { session, peer in
            let findings = Mailbox(session.findingUpdates)
            try await peer.send(text)
            let finding = try #require(await findings.next())
            #expect(finding.kind == .malformedFrame)
            #expect(finding.raw == text)
            // Then a valid CALL: the peer first sees the prescribed CALLERROR (if any), then nothing else for the bad frame.
            try await peer.send(#"[2,"m2","ClearCache",{}]"#)
            if let reply {
                guard case .callError(let id, let code, let description, _)? = await peer.nextFrame() else {
                    Issue.record("expected a CALLERROR")
                    return
                }
                #expect(id == "m1")
                #expect(code == reply)
                #expect(!description.isEmpty)
            }
            guard case .callError(let id, let code, _, _)? = await peer.nextFrame() else {
                Issue.record("expected the NotSupported answer to ClearCache")
                return
            }
            #expect(id == "m2")
            #expect(code == .notSupported)
        }
    }

    @Test("unknown actions get NotImplemented, actions from the wrong side NotSupported, without reaching the layer above")
    func unknownAndWrongDirection() async throws {
        try await withSessionAndRawPeer { session, peer in
            try await peer.send(#"[2,"u1","HeartBeat",{}]"#)
            guard case .callError(let id, let code, _, _)? = await peer.nextFrame() else {
                Issue.record("expected a CALLERROR")
                return
            }
            #expect(id == "u1")
            #expect(code == .notImplemented)
            try await peer.send(#"[2,"u2","Reset",{"type":"Hard"}]"#)
            guard case .callError(_, let code2, _, _)? = await peer.nextFrame() else {
                Issue.record("expected a CALLERROR")
                return
            }
            #expect(code2 == .notSupported)
            let findings = await session.findings
            #expect(findings.map(\.kind) == [.unknownAction, .wrongDirection])
            #expect(findings.first?.message.contains(#"did you mean "Heartbeat"?"#) == true)
        }
    }

    @Test("with rejectsInvalidCalls, an invalid CALL is answered with the code its first violation calls for")
    func rejectInvalid() async throws {
        try await withSessionAndRawPeer(configuration: SessionConfiguration(rejectsInvalidCalls: true)) { _, peer in
            try await peer.send(#"[2,"r1","StartTransaction",{"connectorId":1,"idTag":"A","timestamp":"2026-01-01T00:00:00Z"}]"#)
            guard case .callError(_, let code, let description, _)? = await peer.nextFrame() else {
                Issue.record("expected a CALLERROR")
                return
            }
            #expect(code == .occurenceConstraintViolation)
            #expect(description.contains("/meterStart"))
        }
    }

    @Test("an invalid CALL is delivered with its violations by default, and lenient mode turns deviations into warnings")
    func deliverInvalid() async throws {
        try await withSessionAndRawPeer(configuration: SessionConfiguration(mode: .lenient)) { session, peer in
            let calls = Mailbox(session.incomingCalls)
            try await peer.send(#"[2,"s1","StatusNotification",{"connectorId":1,"errorCode":"noError","status":"Available","timestamp":"2026-01-01T00:00:00"}]"#)
            let call = try #require(await calls.next())
            #expect(call.validation.isValid)
            #expect(call.validation.warnings.count == 2)
            try await call.respondWithDefault(DefaultReplies())
            #expect(await peer.nextFrame() == .callResult(id: "s1", payload: [:]))
            #expect(await session.findings.map(\.severity) == [.warning])
        }
    }

    @Test("a CALL left unanswered at close is a finding against the side that owed the answer")
    func unansweredIncoming() async throws {
        try await withSessionAndRawPeer { session, peer in
            let calls = Mailbox(session.incomingCalls)
            try await peer.send(#"[2,"h1","Heartbeat",{}]"#)
            _ = try #require(await calls.next())
            await peer.transport.close(code: 1000, reason: "bye")
            let closure = await session.waitUntilClosed()
            #expect(closure.code == 1000)
            let finding = try #require(await session.findings.first)
            #expect(finding.kind == .unansweredCall)
            #expect(finding.sender == .centralSystem)
        }
    }

    @Test("binary messages and concurrent CALLs from the peer are findings")
    func binaryAndConcurrent() async throws {
        try await withSessionAndRawPeer { session, peer in
            let findings = Mailbox(session.findingUpdates)
            let calls = Mailbox(session.incomingCalls)
            try peer.transport.send(binary: [1, 2, 3])
            #expect(await findings.next()?.kind == .binaryFrame)
            try await peer.send(#"[2,"a","Heartbeat",{}]"#)
            try await peer.send(#"[2,"b","Heartbeat",{}]"#)
            #expect(await findings.next()?.kind == .concurrentCall)
            #expect(await calls.next()?.id == "a")
            #expect(await calls.next()?.id == "b", "a concurrent CALL still reaches the layer above")
            try await peer.send(#"[3,"zzz",{}]"#)
            #expect(await findings.next()?.kind == .unexpectedResponse)
        }
    }
}
