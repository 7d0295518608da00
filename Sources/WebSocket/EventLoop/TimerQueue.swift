/// Deadlines for one ``EventLoop``: a binary min-heap with lazy cancellation. Loop thread only.
struct TimerQueue {
    typealias ID = UInt64

    private struct Entry {
        var deadline: UInt64
        var id: ID
    }

    private var heap: [Entry] = []
    private var actions: [ID: () -> Void] = [:]
    private var nextID: ID = 1

    mutating func schedule(at deadline: UInt64, _ action: @escaping () -> Void) -> ID {
        let id = nextID
        nextID += 1
        actions[id] = action
        heap.append(Entry(deadline: deadline, id: id))
        siftUp(heap.count - 1)
        return id
    }

    mutating func cancel(_ id: ID) {
        actions[id] = nil
    }

    /// The epoll timeout until the earliest live deadline, or -1 (wait forever) when none.
    mutating func millisecondsUntilNext(now: UInt64) -> Int32 {
        while let first = heap.first, actions[first.id] == nil { popFirst() }
        guard let first = heap.first else { return -1 }
        if first.deadline <= now { return 0 }
        return Int32(clamping: (first.deadline - now + 999_999) / 1_000_000)
    }

    /// Removes and returns the actions whose deadline has passed; the caller runs them (they may schedule more).
    mutating func takeDue(now: UInt64) -> [() -> Void] {
        var due: [() -> Void] = []
        while let first = heap.first, first.deadline <= now {
            popFirst()
            if let action = actions.removeValue(forKey: first.id) { due.append(action) }
        }
        return due
    }

    private mutating func popFirst() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        siftDown(0)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
