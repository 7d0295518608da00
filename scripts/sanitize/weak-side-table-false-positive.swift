// The proof behind the formWeakReference entry of lsan.supp: LeakSanitizer reports the side table of a live object
// that once had a weak reference. Swift allocates the side table when the first weak reference is formed and frees
// it with the object; meanwhile the object's reference-count word holds the table's address shifted and flagged,
// which LeakSanitizer does not recognise, so once no weak reference is left the table looks unreferenced:
//
//   swiftc -sanitize=address scripts/sanitize/weak-side-table-false-positive.swift -o /tmp/weak-fp
//   ASAN_OPTIONS=detect_leaks=1 /tmp/weak-fp
//
// prints "Direct leak of 32 byte(s) in 1 object(s)" allocated in swift::RefCounts<…>::formWeakReference() (Swift
// 6.3.1, measured on this project's machine), although `node` lives until the process exits. Foundation's
// Process.run() does this to the current thread's RunLoop (its `weak var runLoop`).
import Glibc

final class Node {}

final class Holder {
    weak var node: Node?
}

let node = Node()
do {
    let holder = Holder()
    holder.node = node
}
print("a global node, weakly referenced once")
fflush(stdout)
