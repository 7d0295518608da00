import Foundation
@testable import OCPP
@testable import Runner
import Testing

@Suite("Run limits")
struct RunLimitTests {
    @Test("--limit NAME=VALUE sets one limit; sizes may end in KiB or MiB, the handshake time is a duration",
          arguments: [("message-size=64KiB", RunLimits.Name.messageSize, "65536"), ("header-size=2048", .headerSize, "2048"),
                      ("handshake-time=500ms", .handshakeTime, "500ms"), ("pending-calls=5", .pendingCalls, "5"),
                      ("mailbox=1MiB", .mailbox, "1048576"), ("trace-records=10", .traceRecords, "10"),
                      ("trace-memory=16MiB", .traceMemory, "16777216")])
    func setsALimit(assignment: String, name: RunLimits.Name, expected: String) throws {
        var limits = RunLimits()
        try limits.set(assignment)
        #expect(limits.text(of: name) == expected)
        #expect(RunLimits.Name.allCases.filter { limits.text(of: $0) != RunLimits().text(of: $0) } == [name])
    }

    @Test("a bad --limit says what is expected", arguments: [
        ("nosuch=1", "--limit nosuch=1: expected NAME=VALUE with NAME one of message-size, header-size, handshake-time, pending-calls, mailbox, trace-records, trace-memory"),
        ("pending-calls", "--limit pending-calls: expected NAME=VALUE with NAME one of message-size, header-size, handshake-time, pending-calls, mailbox, trace-records, trace-memory"),
        ("message-size=0", "--limit message-size=0: expected a whole number of at least 1 (sizes may end in KiB or MiB)"),
        ("mailbox=9999999999999999999KiB", "--limit mailbox=9999999999999999999KiB: expected a whole number of at least 1 (sizes may end in KiB or MiB)"),
        ("handshake-time=ten", "--limit handshake-time=ten: expected a time from 1ms to 1h, e.g. 10s"),
        ("handshake-time=2h", "--limit handshake-time=2h: expected a time from 1ms to 1h, e.g. 10s"),
    ])
    func refusesBadLimits(assignment: String, message: String) {
        var limits = RunLimits()
        #expect(throws: LimitError.self) { try limits.set(assignment) }
        do { try limits.set(assignment) } catch { #expect(error.description == message) }
        #expect(limits == RunLimits())
    }

    /// A boot and two ClearCache exchanges: 8 trace records with the connection.
    static let chatty = ["a.yaml": """
        scenario: Chatty
        id: chatty
        steps:
          - expect: BootNotification
          - send: ClearCache
            match: { status: Accepted }
          - send: ClearCache
            match: { status: Accepted }
        """]

    @Test("trace-records: the traces kept for the reports stop at the limit, and the run says so in a note")
    func traceRecordLimit() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var options = RunOptions()
        try options.limits.set("trace-records=5")
        let result = try await harness.run(Self.chatty, options: options)
        #expect(result.scenario("chatty")?.verdict == .pass)
        #expect(result.stations.first?.trace.count == 5)
        let note = try #require(result.notes.first)
        #expect(note.hasPrefix("the traces kept for the reports reached their limit of 5 records (--limit trace-records=N); "))
        #expect(note.hasSuffix(" later records are not in the reports, record them all with --trace FILE"))
        #expect(result.passed, "a note does not fail the run")
    }

    @Test("trace-memory: the traces kept for the reports stop when their bytes would pass the limit, whatever the count")
    func traceMemoryLimit() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        var options = RunOptions()
        try options.limits.set("trace-memory=2KiB")
        let result = try await harness.run(Self.chatty, options: options)
        #expect(result.scenario("chatty")?.verdict == .pass)
        let kept = try #require(result.stations.first?.trace)
        #expect(!kept.isEmpty && kept.count < 8, "the connection, the BootNotification, two ClearCache exchanges: 8 records")
        #expect(kept.map { TraceBudget.cost(of: $0) }.reduce(0, +) <= 2048)
        #expect(kept.map(\.sequence) == Array(1...kept.count), "the records kept are the first ones, without gaps")
        let note = try #require(result.notes.first)
        #expect(note.hasPrefix("the traces kept for the reports reached their limit of 2048 bytes (--limit trace-memory=N); "))
    }

    @Test("a trace record's memory is estimated from its frame: a 4 MiB frame costs more than 12 MiB of the budget")
    func traceRecordCost() {
        let big = TraceRecord(connectionId: "c", stationIdentity: "CP-1", direction: .incoming, sender: .chargePoint,
                              kind: .call, raw: String(repeating: "x", count: 4 << 20))
        #expect(TraceBudget.cost(of: big) > 12 << 20)
        let budget = TraceBudget(limit: 100_000, byteLimit: 64 << 20)
        #expect((0..<6).map { _ in budget.take(big) } == [true, true, true, true, true, false], "5 × 12 MiB fit in 64 MiB, a sixth does not")
        #expect(budget.droppedRecords == 1 && budget.reachedByteLimit)
    }

    @Test("mailbox: a station's mailbox keeps at most the limit; the oldest go (each answered), positions stay valid",
          .timeLimit(.minutes(1)))
    func mailboxLimit() async throws {
        var limits = RunLimits()
        try limits.set("mailbox=40")
        let channel = StationChannel(identity: "CP-9", clock: ScaledClock(), mode: .strict, recorder: TraceRecorder(),
                                     limits: limits)
        let record = ConnectionRecord(
            connectionId: "CP-9#1", mode: .ws, security: "ws", listener: "test", peer: "test", path: "/CP-9",
            subprotocol: "ocpp1.6", tls: nil, clientCertificate: nil, basicAuthUser: nil, notes: [], opened: Date())
        try await withStation(connectedTo: channel, record: record) { station in
            for _ in 1...200 {
                guard case .result = await station.call("Heartbeat", [:], timeout: .seconds(10)) else {
                    Issue.record("a Heartbeat was not answered")
                    return
                }
            }
            #expect(await channel.mark == 201, "the connection and 200 CALLs, positions counted on")
            let kept = await channel.events(from: 0)
            #expect(kept.count <= 40)
            #expect(kept.last?.0 == 200)
            #expect(await channel.droppedCalls >= 160)
            let recent = await channel.take(from: 0) { $0.action == "Heartbeat" }
            #expect(recent.map { $0.0 } == kept.first?.0, "the oldest kept CALL is the first a step can take")
        }
    }
}
