import Foundation
import Testing
@testable import OCPP

@Suite("Message trace")
struct TraceTests {
    /// A fresh temporary directory, removed by the caller.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocpp-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("every frame in and out is written to the file as it happens, raw text exact")
    func fileTrace() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("trace.jsonl").path
        let sink = try TraceFileSink(path: path)
        let recorder = TraceRecorder(sinks: [sink])
        let boot = #"[2, "b1", "BootNotification", {"chargePointVendor": "V", "chargePointModel": "M"}]"#
        try await withSessionAndRawPeer(configuration: SessionConfiguration(trace: recorder)) { session, peer in
            let calls = Mailbox(session.incomingCalls)
            try await peer.send(boot)
            let call = try #require(await calls.next())
            try await call.respondWithDefault(DefaultReplies(now: { Date(timeIntervalSince1970: 0) }))
            #expect(await peer.nextFrame()?.id == "b1")
            try await peer.send("garbage \u{1}")
            try await peer.send(#"[2,"h1","Heartbeat"]"#)
            #expect(await peer.nextFrame() == .callError(id: "h1", code: .protocolError, description: "a CALL has 4 elements, found 3", details: [:]))
            await peer.transport.close(code: 1000, reason: "done")
            _ = await session.waitUntilClosed()
        }

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let records = try lines.map { try JSONValue(parsing: $0) }
        #expect(records.map { $0["type"]?.stringValue ?? "?" } == ["OPEN", "CALL", "CALLRESULT", "MALFORMED", "MALFORMED", "CALLERROR", "CLOSE"])
        #expect(records.map { $0["seq"] } == (1...7).map { .integer($0) })
        #expect(records[1]["raw"] == .string(boot))
        #expect(records[1]["payload"]?["chargePointVendor"] == "V")
        #expect(records[1]["dir"] == "in")
        #expect(records[1]["from"] == "chargePoint")
        #expect(records[2]["action"] == "BootNotification")
        #expect(records[2]["payload"]?["currentTime"] == "1970-01-01T00:00:00.000Z")
        #expect(records[3]["raw"] == "garbage \u{1}")
        #expect(records[3]["note"]?.stringValue?.hasPrefix("not JSON") == true)
        #expect(records[4]["id"] == "h1")
        #expect(records[6]["note"]?.stringValue?.contains("code 1000") == true)
        for record in records {
            for field in ["v", "seq", "mono", "time", "conn", "station", "dir", "from", "type", "raw"] {
                #expect(record[field] != nil, "missing \(field)")
            }
            if case .string(let time)? = record["time"] { #expect(RFC3339.check(time) == .valid) }
        }
        let monotonic = records.compactMap { $0["mono"]?.doubleValue }
        #expect(monotonic == monotonic.sorted())
        #expect(recorder.records.count == 7)

        let result = try CheckTrace.check(fileAt: path)
        #expect(result.findings.map(\.kind) == [.malformedFrame, .malformedFrame])
        #expect(result.findings.first?.location == "\(path):4")
        #expect(result.recordCount == 7)
        #expect(result.connectionCount == 1)
    }

    @Test("a sink on a path that cannot be opened is an error naming the path")
    func unopenableFile() {
        #expect {
            _ = try TraceFileSink(path: "/nonexistent-dir/x/trace.jsonl")
        } throws: { error in
            (error as? TraceFileError)?.description.contains("/nonexistent-dir/x/trace.jsonl") == true
        }
    }
}

@Suite("check-trace")
struct CheckTraceTests {
    func line(_ from: String, _ raw: String, conn: String = "c1", type: String? = nil) -> String {
        var object: JSONObject = ["conn": .string(conn), "from": .string(from), "raw": .string(raw)]
        if let type { object["type"] = .string(type) }
        return JSONValue.object(object).jsonText
    }

    @Test("a clean conversation passes")
    func clean() {
        let text = [
            line("chargePoint", #"[2,"1","Heartbeat",{}]"#),
            line("centralSystem", #"[3,"1",{"currentTime":"2026-01-01T00:00:00Z"}]"#),
            line("centralSystem", #"[2,"a","Reset",{"type":"Soft"}]"#),
            line("chargePoint", #"[3,"a",{"status":"Accepted"}]"#),
        ].joined(separator: "\n")
        let result = CheckTrace.check(text: text)
        #expect(result.findings.isEmpty)
        #expect(result.passed)
        #expect(result.frameCount == 4)
        #expect(result.text == "checked 4 records (4 frames, 1 connection): 0 errors, 0 warnings")
    }

    @Test("finds schema violations, uncorrelated responses, concurrent and unanswered CALLs, with line numbers")
    func findings() {
        let text = [
            line("chargePoint", #"[2,"1","StartTransaction",{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"2026-01-01T00:00:00"}]"#),
            line("chargePoint", #"[2,"2","Heartbeat",{}]"#),
            line("centralSystem", #"[3,"1",{"transactionId":1,"idTagInfo":{"status":"Accepted"}}]"#),
            line("centralSystem", #"[3,"99",{}]"#),
            "",
            "not json",
            #"{"conn":"c1","raw":"[3,\"x\",{}]"}"#,
        ].joined(separator: "\n")
        let result = CheckTrace.check(text: text, source: "t.jsonl")
        let summary = result.findings.map { "\($0.location ?? "?") \($0.kind.rawValue)" }
        #expect(summary == [
            "t.jsonl:1 schema-violation", "t.jsonl:2 concurrent-call", "t.jsonl:4 unexpected-response",
            "t.jsonl:6 trace-format", "t.jsonl:7 trace-format", "t.jsonl:2 unanswered-call",
        ])
        #expect(!result.passed)
        #expect(result.text.contains("t.jsonl:1: error: [schema-violation]"))
        #expect(result.text.contains("/timestamp:"))
    }

    @Test("lenient mode turns real-station deviations into warnings")
    func lenient() {
        let text = [
            line("chargePoint", #"[2,"1","Heartbeat",{"extra":1}]"#),
            line("centralSystem", #"[3,"1",{"currentTime":"2026-01-01T00:00:00Z"}]"#),
        ].joined(separator: "\n")
        #expect(!CheckTrace.check(text: text).passed)
        let lenient = CheckTrace.check(text: text, mode: .lenient)
        #expect(lenient.passed)
        #expect(lenient.warningCount == 1)
    }

    @Test("a CLOSE ends the connection: its unanswered CALLs are reported, a new connection starts clean")
    func closeEndsConnection() {
        let text = [
            line("centralSystem", #"[2,"r","Reset",{"type":"Hard"}]"#),
            line("chargePoint", "", type: "CLOSE"),
            line("chargePoint", #"[2,"r","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#, conn: "c2"),
            line("centralSystem", #"[3,"r",{"status":"Accepted","currentTime":"2026-01-01T00:00:00Z","interval":10}]"#, conn: "c2"),
        ].joined(separator: "\n")
        let result = CheckTrace.check(text: text)
        #expect(result.findings.map(\.kind) == [.unansweredCall])
        #expect(result.findings.first?.location == "trace:1")
        #expect(result.findings.first?.sender == .chargePoint)
        #expect(result.findings.first?.raw == #"[2,"r","Reset",{"type":"Hard"}]"#)
        #expect(result.connectionCount == 2)
    }

    @Test("an unreadable file is an error naming it")
    func missingFile() {
        #expect(throws: TraceFileError.self) { try CheckTrace.check(fileAt: "/nonexistent/trace.jsonl") }
    }
}
