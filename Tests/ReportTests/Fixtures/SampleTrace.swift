import Foundation
import OCPP

/// Writes a believable station trace for the sample runs: frames with consecutive sequence numbers, wall-clock and
/// monotonic times that advance as the script says, and raw text built from the payloads as a station would send it.
struct SampleTrace {
    private(set) var records: [TraceRecord] = []
    /// The time the next record gets.
    private(set) var now: Date
    private let station: String
    private var connectionId: String
    private var nextMessageId = 1
    private let monotonicStart: UInt64 = 5_000_000_000_000

    init(station: String, start: Date) {
        self.station = station
        now = start
        connectionId = "c-1"
    }

    /// The sequence number the next record gets.
    var nextSequence: Int { records.count + 1 }

    /// Lets time pass.
    mutating func wait(_ seconds: TimeInterval) {
        now += seconds
    }

    /// The station opens a connection (`note` says how it is secured).
    mutating func open(_ connectionId: String, security: String) {
        self.connectionId = connectionId
        append(kind: .opened, direction: .incoming, sender: .chargePoint, raw: "", note: "security: \(security)")
    }

    /// The connection ends as `note` says.
    mutating func close(_ note: String) {
        append(kind: .closed, direction: .incoming, sender: .chargePoint, raw: "", note: note)
    }

    /// A CALL from `sender`; returns its message id.
    @discardableResult
    mutating func call(_ action: String, _ payload: JSONValue, from sender: OCPPRole = .chargePoint) -> String {
        let messageId = sender == .chargePoint ? String(nextMessageId) : "cs-\(nextMessageId)"
        nextMessageId += 1
        let raw = JSONValue.array([2, .string(messageId), .string(action), payload]).jsonText
        append(kind: .call, direction: direction(of: sender), sender: sender, messageId: messageId, action: action,
               payload: payload, raw: raw)
        return messageId
    }

    /// The CALLRESULT to CALL `messageId` of `action`, from the side that did not send the CALL.
    mutating func result(_ messageId: String, _ action: String, _ payload: JSONValue, from sender: OCPPRole) {
        let raw = JSONValue.array([3, .string(messageId), payload]).jsonText
        append(kind: .callResult, direction: direction(of: sender), sender: sender, messageId: messageId,
               action: action, payload: payload, raw: raw)
    }

    /// A CALLERROR answering CALL `messageId`.
    mutating func error(_ messageId: String, _ action: String, code: String, description: String, from sender: OCPPRole) {
        let details: JSONValue = [:]
        let raw = JSONValue.array([4, .string(messageId), .string(code), .string(description), details]).jsonText
        append(kind: .callError, direction: direction(of: sender), sender: sender, messageId: messageId,
               action: action, payload: details, errorCode: code, raw: raw)
    }

    /// A station CALL answered by the central system after `latency` seconds; returns the CALL's sequence number.
    @discardableResult
    mutating func stationCall(_ action: String, _ payload: JSONValue, answer: JSONValue, latency: TimeInterval = 0.004)
        -> Int {
        let sequence = nextSequence
        let messageId = call(action, payload, from: .chargePoint)
        wait(latency)
        result(messageId, action, answer, from: .centralSystem)
        return sequence
    }

    /// A central-system CALL answered by the station after `latency` seconds; returns the CALL's sequence number.
    @discardableResult
    mutating func centralCall(_ action: String, _ payload: JSONValue, answer: JSONValue, latency: TimeInterval = 0.03)
        -> Int {
        let sequence = nextSequence
        let messageId = call(action, payload, from: .centralSystem)
        wait(latency)
        result(messageId, action, answer, from: .chargePoint)
        return sequence
    }

    /// The records with sequence numbers from `first` up to the last one written.
    func range(from first: Int) -> ClosedRange<Int>? {
        records.count >= first ? first...records.count : nil
    }

    /// The last `count` records, for a step failure's context.
    func last(_ count: Int) -> [TraceRecord] {
        Array(records.suffix(count))
    }

    private func direction(of sender: OCPPRole) -> TraceRecord.Direction {
        sender == .chargePoint ? .incoming : .outgoing
    }

    private mutating func append(kind: TraceRecord.Kind, direction: TraceRecord.Direction, sender: OCPPRole,
                                 messageId: String? = nil, action: String? = nil, payload: JSONValue? = nil,
                                 errorCode: String? = nil, raw: String, note: String? = nil) {
        let elapsed = UInt64(max(0, now.timeIntervalSince(records.first?.time ?? now)) * 1e9)
        records.append(TraceRecord(
            sequence: nextSequence, monotonicNanoseconds: monotonicStart + elapsed, time: now,
            connectionId: connectionId, stationIdentity: station, direction: direction, sender: sender, kind: kind,
            messageId: messageId, action: action, payload: payload, errorCode: errorCode, raw: raw, note: note))
        now += 0.001
    }
}
