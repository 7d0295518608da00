/// A list that keeps its first and its last `keptAtEachEnd` elements and only counts those in between, so that a
/// history that grows for days (loop iterations, reconnections) stays small and still shows how it began and ended.
struct EndsKept<Element> {
    /// How many elements are kept at the start and at the end.
    let keptAtEachEnd: Int
    private var first: [Element] = []
    private var last: [Element] = []
    /// How many elements between the first and the last kept ones were dropped.
    private(set) var unlisted = 0

    init(keptAtEachEnd: Int) {
        self.keptAtEachEnd = keptAtEachEnd
    }

    /// The elements kept, in order (the dropped ones would stand after the first `keptAtEachEnd`).
    var listed: [Element] { first + last }
    /// How many elements are kept at the start.
    var firstCount: Int { first.count }

    mutating func append(_ element: Element) {
        if first.count < keptAtEachEnd {
            first.append(element)
            return
        }
        last.append(element)
        if last.count > keptAtEachEnd {
            last.removeFirst()
            unlisted += 1
        }
    }

    /// The newest kept element that satisfies `predicate`.
    func newest(where predicate: (Element) -> Bool) -> Element? {
        last.last(where: predicate) ?? first.last(where: predicate)
    }

    /// Changes the newest kept element that satisfies `predicate`, if there is one.
    mutating func changeNewest(where predicate: (Element) -> Bool, _ change: (inout Element) -> Void) {
        if let index = last.lastIndex(where: predicate) {
            change(&last[index])
        } else if let index = first.lastIndex(where: predicate) {
            change(&first[index])
        }
    }
}
