/// A station's mailbox events with stable positions: the oldest can be dropped while positions (the marks steps hold)
/// keep their meaning. A dropped position reads as `nil`.
struct EventLog {
    private var storage: [StationEvent] = []
    /// The position of the oldest event kept.
    private(set) var start = 0

    /// The position the next event takes.
    var end: Int { start + storage.count }
    /// How many events are kept.
    var count: Int { storage.count }

    /// The event at `position`, `nil` when it was dropped or is not there yet.
    subscript(position: Int) -> StationEvent? {
        storage.indices.contains(position - start) ? storage[position - start] : nil
    }

    mutating func append(_ event: StationEvent) { storage.append(event) }

    /// Replaces the event at `position` (a dropped one stays dropped).
    mutating func replace(_ position: Int, with event: StationEvent) {
        guard storage.indices.contains(position - start) else { return }
        storage[position - start] = event
    }

    /// The last position whose event satisfies `predicate`.
    func lastPosition(where predicate: (StationEvent) -> Bool) -> Int? {
        storage.lastIndex(where: predicate).map { $0 + start }
    }

    /// Forgets the events before `position`.
    mutating func drop(before position: Int) {
        let count = min(max(position - start, 0), storage.count)
        storage.removeFirst(count)
        start += count
    }
}
