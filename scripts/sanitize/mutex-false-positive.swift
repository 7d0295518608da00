// Why the project locks with Locked<Value> (Sources/Locking) and never with Synchronization.Mutex: ThreadSanitizer
// cannot see Mutex on Linux (Swift 6.3.1; lock and unlock run in the uninstrumented libswiftSynchronization), so
// accesses that a Mutex serializes are reported as races, and so is everything the lock hands from one thread to
// another. This program touches its array only inside withLock, yet:
//
//   swiftc -sanitize=thread scripts/sanitize/mutex-false-positive.swift -o /tmp/mutex-fp && /tmp/mutex-fp
//
// prints "WARNING: ThreadSanitizer: Swift access race" for the appends (measured on this project's machine). The same
// program with NSLock, or with Locked (a pthread mutex, whose calls ThreadSanitizer intercepts), is not reported.
import Foundation
import Synchronization

final class Numbers: Sendable {
    let values = Mutex<[Int]>([])
}

let numbers = Numbers()
let workers = (0..<4).map { _ in
    Thread {
        for value in 0..<20_000 { numbers.values.withLock { $0.append(value) } }
    }
}
for worker in workers { worker.start() }
while numbers.values.withLock({ $0.count }) < 80_000 { Thread.sleep(forTimeInterval: 0.01) }
print("appended \(numbers.values.withLock { $0.count }) values, each under the lock")
