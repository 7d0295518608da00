/// A station's connection records, in order: the first and the last ``keptAtEachEnd`` in full, those in between only
/// counted, so that a station that reconnects for days (or a client that keeps coming back) keeps a bounded history.
struct ConnectionHistory {
    /// How many connections are listed at the start and at the end of a long history.
    static let keptAtEachEnd = 50

    private var records = EndsKept<ConnectionRecord>(keptAtEachEnd: keptAtEachEnd)

    /// The connections listed, in order.
    var listed: [ConnectionRecord] { records.listed }
    /// How many connections between the first and the last are not listed.
    var unlisted: Int { records.unlisted }

    mutating func append(_ record: ConnectionRecord) { records.append(record) }

    /// The last record of connection `id` (a connection no longer listed has none).
    func record(_ id: String) -> ConnectionRecord? {
        records.newest { $0.connectionId == id }
    }

    /// Changes the last record of connection `id`, if it is listed.
    mutating func update(_ id: String, _ change: (inout ConnectionRecord) -> Void) {
        records.changeNewest(where: { $0.connectionId == id }, change)
    }
}
