// The proof behind tsan.supp: ThreadSanitizer cannot see Synchronization.Mutex on Linux (Swift 6.3.1), so accesses
// that a Mutex serializes are reported as races. This program touches its array only inside withLock, yet:
//
//   swiftc -sanitize=thread scripts/sanitize/mutex-false-positive.swift -o /tmp/mutex-fp && /tmp/mutex-fp
//
// prints "WARNING: ThreadSanitizer: Swift access race" for the appends (measured on this project's machine).
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
