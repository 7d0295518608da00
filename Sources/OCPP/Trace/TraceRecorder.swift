import Locking

/// Where trace lines go as they are recorded, e.g. a file.
public protocol TraceSink: Sendable {
    /// Writes one record; called in record order, one call at a time.
    func write(_ record: TraceRecord)
}

/// Collects the trace records of one or more sessions, numbers them, keeps them for reports and passes each to the
/// sinks the moment it is recorded.
public final class TraceRecorder: Sendable {
    struct State {
        var records: [TraceRecord] = []
        var nextSequence = 1
    }

    let state = Locked(State())
    let sinks: [any TraceSink]
    let keepsRecords: Bool
    let budget: TraceBudget?

    /// A recorder writing to `sinks`; `keepsRecords: false` for long runs where only the sinks need the lines; with a
    /// `budget`, records are kept only while it lasts.
    public init(sinks: [any TraceSink] = [], keepsRecords: Bool = true, budget: TraceBudget? = nil) {
        self.sinks = sinks
        self.keepsRecords = keepsRecords
        self.budget = budget
    }

    /// Numbers `record`, keeps it, and writes it to every sink before returning.
    @discardableResult
    public func record(_ record: TraceRecord) -> TraceRecord {
        state.withLock { state in
            var record = record
            record.sequence = state.nextSequence
            state.nextSequence += 1
            if keepsRecords && budget?.take(record) ?? true { state.records.append(record) }
            for sink in sinks { sink.write(record) }
            return record
        }
    }

    /// The records so far, in order.
    public var records: [TraceRecord] {
        state.withLock { $0.records }
    }

    /// The records of one connection, in order.
    public func records(connectionId: String) -> [TraceRecord] {
        state.withLock { $0.records.filter { $0.connectionId == connectionId } }
    }
}
