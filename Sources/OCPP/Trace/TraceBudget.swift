import Synchronization

/// How many trace records several recorders may keep in memory together (a run's stations share one), so that a long
/// run's reports cannot grow memory without bound. Records beyond it are still numbered and written to the sinks
/// (the `--trace` file); they are only not kept.
public final class TraceBudget: Sendable {
    /// The records that may be kept.
    public let limit: Int
    private let asked = Atomic<Int>(0)

    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Takes one record's place; false once the budget is spent.
    func take() -> Bool {
        asked.add(1, ordering: .relaxed).newValue <= limit
    }

    /// How many records were not kept because the budget was spent.
    public var droppedRecords: Int {
        max(0, asked.load(ordering: .relaxed) - limit)
    }
}
