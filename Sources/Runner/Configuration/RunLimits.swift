import Scenario

/// What a run lets a station (and the whole run) use, each with a default that real stations never reach and a clear
/// error when one does. `chargecheck run --limit NAME=VALUE` sets one; the names are ``Name``'s raw values.
public struct RunLimits: Sendable, Hashable {
    /// The limits by their command-line name.
    public enum Name: String, Sendable, CaseIterable {
        case messageSize = "message-size"
        case headerSize = "header-size"
        case handshakeTime = "handshake-time"
        case pendingCalls = "pending-calls"
        case mailbox = "mailbox"
        case traceRecords = "trace-records"
        case traceMemory = "trace-memory"

        /// What the limit bounds, for `--help` and errors.
        public var meaning: String {
            switch self {
            case .messageSize: "bytes in one WebSocket message (larger: the station is disconnected with 1009)"
            case .headerSize: "bytes in the HTTP head of a station's WebSocket handshake (larger: 431)"
            case .handshakeTime: "time from TCP connect to the end of the WebSocket handshake, TLS included"
            case .pendingCalls: "a station's CALLs waiting for answers on one connection (more: disconnected with 1008)"
            case .mailbox: "CALLs and connection events a station's mailbox keeps (older ones no step can take are dropped)"
            case .traceRecords: "trace records kept in memory for the reports, whole run (the --trace file has them all)"
            case .traceMemory: "bytes those trace records may take, whole run (each counted as 400 + 3 × its frame's size)"
            }
        }
    }

    /// Largest WebSocket message, bytes (4 MiB).
    public var messageSize = 4 * 1024 * 1024
    /// Largest handshake request head, bytes (16 KiB).
    public var headerSize = 16 * 1024
    /// The whole handshake must finish within this time (10 s).
    public var handshakeTime: Duration = .seconds(10)
    /// Most unanswered CALLs of a station on one connection (100).
    public var pendingCalls = 100
    /// Most events a station's mailbox keeps (10,000).
    public var mailbox = 10_000
    /// Most trace records kept in memory for the reports, over the whole run (100,000).
    public var traceRecords = 100_000
    /// Most bytes the trace records kept for the reports may take, over the whole run (32 MiB, about 45,000 records of
    /// ordinary frames): the record count alone does not bound memory when frames are large (up to `messageSize` each).
    public var traceMemory = 32 * 1024 * 1024

    public init() {}

    /// The value of `name` as `--limit` writes it.
    public func text(of name: Name) -> String {
        switch name {
        case .messageSize: "\(messageSize)"
        case .headerSize: "\(headerSize)"
        case .handshakeTime: DurationText.format(handshakeTime)
        case .pendingCalls: "\(pendingCalls)"
        case .mailbox: "\(mailbox)"
        case .traceRecords: "\(traceRecords)"
        case .traceMemory: "\(traceMemory)"
        }
    }

    /// Sets one limit from `NAME=VALUE` (sizes in bytes, `KiB`/`MiB` allowed; the time as `10s`, `500ms`).
    public mutating func set(_ assignment: String) throws(LimitError) {
        let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
        let names = Name.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, let name = Name(rawValue: parts[0]) else {
            throw LimitError("--limit \(assignment): expected NAME=VALUE with NAME one of \(names)")
        }
        let value = parts[1]
        if name == .handshakeTime {
            guard let duration = DurationText.parse(value), duration > .zero, duration <= .seconds(3600) else {
                throw LimitError("--limit \(assignment): expected a time from 1ms to 1h, e.g. 10s")
            }
            handshakeTime = duration
            return
        }
        guard let number = Self.count(value), number >= 1, number <= 1 << 40 else {
            throw LimitError("--limit \(assignment): expected a whole number of at least 1 (sizes may end in KiB or MiB)")
        }
        switch name {
        case .messageSize: messageSize = number
        case .headerSize: headerSize = number
        case .pendingCalls: pendingCalls = number
        case .mailbox: mailbox = number
        case .traceRecords: traceRecords = number
        case .traceMemory: traceMemory = number
        case .handshakeTime: break
        }
    }

    /// `1000`, `64KiB`, `4MiB`.
    static func count(_ text: String) -> Int? {
        for (suffix, factor) in [("KiB", 1024), ("MiB", 1024 * 1024)] where text.hasSuffix(suffix) {
            return Int(text.dropLast(suffix.count)).flatMap { $0 <= Int.max / factor ? $0 * factor : nil }
        }
        return Int(text)
    }
}

/// A `--limit` that cannot be used; the message says what is expected.
public struct LimitError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
