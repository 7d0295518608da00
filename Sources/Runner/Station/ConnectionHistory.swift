/// A station's connection records, in order: the first and the last ``keptAtEachEnd`` in full, those in between only
/// counted, so that a station that reconnects for days (or a client that keeps coming back) keeps a bounded history.
struct ConnectionHistory {
    /// How many connections are listed at the start and at the end of a long history.
    static let keptAtEachEnd = 50

    private var first: [ConnectionRecord] = []
    private var last: [ConnectionRecord] = []
    /// How many connections between the first and the last are not listed.
    private(set) var unlisted = 0

    /// The connections listed, in order.
    var listed: [ConnectionRecord] { first + last }

    mutating func append(_ record: ConnectionRecord) {
        if first.count < Self.keptAtEachEnd {
            first.append(record)
            return
        }
        last.append(record)
        if last.count > Self.keptAtEachEnd {
            last.removeFirst()
            unlisted += 1
        }
    }

    /// The last record of connection `id` (a connection no longer listed has none).
    func record(_ id: String) -> ConnectionRecord? {
        last.last { $0.connectionId == id } ?? first.last { $0.connectionId == id }
    }

    /// Changes the last record of connection `id`, if it is listed.
    mutating func update(_ id: String, _ change: (inout ConnectionRecord) -> Void) {
        if let index = last.lastIndex(where: { $0.connectionId == id }) {
            change(&last[index])
        } else if let index = first.lastIndex(where: { $0.connectionId == id }) {
            change(&first[index])
        }
    }
}
