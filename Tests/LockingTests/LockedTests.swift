import Locking
import Testing

@Suite("Locked")
struct LockedTests {
    @Test("concurrent increments from many tasks give the exact count", arguments: [2, 16, 64])
    func concurrentIncrements(tasks: Int) async {
        let counter = Locked(0)
        let perTask = 2_000
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    for _ in 0..<perTask { counter.withLock { $0 += 1 } }
                }
            }
        }
        #expect(counter.withLock { $0 } == tasks * perTask)
    }

    @Test("a read-modify-write of a collection under the lock loses nothing")
    func appendsFromManyTasks() async {
        let values = Locked<[Int]>([])
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<500 { values.withLock { $0.append(task * 500 + index) } }
                }
            }
        }
        #expect(values.withLock { $0.sorted() } == Array(0..<4_000))
    }

    @Test("withLock returns the closure's result and keeps its change")
    func returnsResult() {
        let locked = Locked("a")
        let count = locked.withLock { value -> Int in
            value += "b"
            return value.count
        }
        #expect(count == 2)
        #expect(locked.withLock { $0 } == "ab")
    }

    private struct Refused: Error, Equatable {}

    @Test("an error thrown inside releases the lock and keeps the change made before it")
    func throwingBodyReleasesTheLock() {
        let locked = Locked(1)
        #expect(throws: Refused.self) {
            try locked.withLock { (value: inout Int) throws(Refused) -> Void in
                value = 2
                throw Refused()
            }
        }
        // Would deadlock if the throw had left the mutex locked.
        #expect(locked.withLock { $0 } == 2)
    }
}
