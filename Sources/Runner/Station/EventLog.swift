/// A station's mailbox events with stable positions: the oldest can be dropped while positions (the marks steps hold)
/// keep their meaning. A dropped position reads as `nil`.
///
/// Dropping can keep a range of positions (the opening of the open connection, which a precondition may replay):
/// those events stay readable at their positions, before ``start``.
struct EventLog {
    private var storage: [StationEvent] = []
    /// The position of the oldest event kept in the contiguous part.
    private(set) var start = 0
    /// Events kept from before ``start``, in position order.
    private var pinned: [(position: Int, event: StationEvent)] = []

    /// The position the next event takes.
    var end: Int { start + storage.count }
    /// How many events are kept.
    var count: Int { storage.count + pinned.count }

    /// The event at `position`, `nil` when it was dropped or is not there yet.
    subscript(position: Int) -> StationEvent? {
        if position >= start { return storage.indices.contains(position - start) ? storage[position - start] : nil }
        return pinned.first { $0.position == position }?.event
    }

    mutating func append(_ event: StationEvent) { storage.append(event) }

    /// Replaces the event at `position` (a dropped one stays dropped).
    mutating func replace(_ position: Int, with event: StationEvent) {
        if position >= start {
            guard storage.indices.contains(position - start) else { return }
            storage[position - start] = event
        } else if let index = pinned.firstIndex(where: { $0.position == position }) {
            pinned[index].event = event
        }
    }

    /// The positions holding an event, from `lower` on, in order.
    func positions(from lower: Int) -> [Int] {
        pinned.map(\.position).filter { $0 >= lower } + Array(min(max(lower, start), end)..<end)
    }

    /// The last position whose event satisfies `predicate`.
    func lastPosition(where predicate: (StationEvent) -> Bool) -> Int? {
        storage.lastIndex(where: predicate).map { $0 + start } ?? pinned.last { predicate($0.event) }?.position
    }

    /// Forgets the events before `position`, except those at positions in `kept`; returns what it forgot, in order.
    @discardableResult
    mutating func drop(before position: Int, keeping kept: Range<Int>? = nil) -> [(position: Int, event: StationEvent)] {
        let count = min(max(position - start, 0), storage.count)
        let leaving = pinned + storage.prefix(count).enumerated().map { (position: start + $0.offset, event: $0.element) }
        let isKept = { (position: Int) in kept?.contains(position) ?? false }
        pinned = leaving.filter { isKept($0.position) }
        storage.removeFirst(count)
        start += count
        return leaving.filter { !isKept($0.position) }
    }
}
