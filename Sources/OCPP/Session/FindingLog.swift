/// A session's findings with stable positions: the newest ``limit`` are kept, the oldest quarter dropped beyond it, so
/// that a station sending malformed frames for days cannot grow memory without bound. Positions count every finding
/// ever made, so a mark taken before a drop still means "the findings after this one".
public struct FindingLog: Sendable {
    /// Most findings kept per session.
    public static let limit = 1_000

    private var storage: [OCPPFinding] = []
    /// The position of the oldest finding kept.
    private var start = 0

    public init() {}

    /// How many findings were made, kept or not: the position the next one takes.
    public var count: Int { start + storage.count }
    /// How many of the oldest findings were dropped.
    public var dropped: Int { start }
    /// The findings kept, oldest first.
    public var kept: [OCPPFinding] { storage }

    /// The kept findings made at `position` or later.
    public func since(_ position: Int) -> ArraySlice<OCPPFinding> {
        storage.dropFirst(max(position - start, 0))
    }

    mutating func append(_ finding: OCPPFinding) {
        storage.append(finding)
        guard storage.count > Self.limit else { return }
        let excess = Self.limit / 4
        storage.removeFirst(excess)
        start += excess
    }
}
