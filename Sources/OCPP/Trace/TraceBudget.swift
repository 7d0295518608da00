import Synchronization

/// How many trace records several recorders may keep in memory together (a run's stations share one), and how many
/// bytes they may take, so that a long run's reports cannot grow memory without bound, whatever the size of the
/// frames. Records beyond it are still numbered and written to the sinks (the `--trace` file); they are only not kept.
/// Once a record does not fit, no later one is kept either (the kept traces stay whole up to that point).
public final class TraceBudget: Sendable {
    /// The records that may be kept.
    public let limit: Int
    /// The bytes the kept records may take, as ``cost(of:)`` estimates them.
    public let byteLimit: Int
    private let asked = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)

    public init(limit: Int, byteLimit: Int = .max) {
        self.limit = max(0, limit)
        self.byteLimit = max(0, byteLimit)
    }

    /// What keeping `record` costs in memory, estimated: its frame text, the decoded payload it also keeps (about
    /// twice the text), and 400 bytes for the rest of the record (measured with heaptrack: about 700 bytes for a
    /// record of a 100-byte frame).
    public static func cost(of record: TraceRecord) -> Int {
        400 + 3 * record.raw.utf8.count
    }

    /// Takes `record`'s place; false once the budget is spent (by count or by bytes).
    func take(_ record: TraceRecord) -> Bool {
        let count = asked.add(1, ordering: .relaxed).newValue
        let total = bytes.add(Self.cost(of: record), ordering: .relaxed).newValue
        guard count <= limit && total <= byteLimit else {
            refused.add(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// How many records were not kept because the budget was spent.
    public var droppedRecords: Int {
        refused.load(ordering: .relaxed)
    }

    /// Whether the bytes ran out before the record count did.
    public var reachedByteLimit: Bool {
        droppedRecords > 0 && asked.load(ordering: .relaxed) - droppedRecords < limit
    }
}
