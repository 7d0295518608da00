// The proof behind the catalog entries of lsan.supp: LeakSanitizer reports the heap boxes of an `indirect enum` that a
// global still holds. Swift keeps the case number in the high spare bits of a box's address (here `.square(side:)` is
// stored as 0x8000…, the address with its top bit set), and LeakSanitizer only recognises plain addresses:
//
//   swiftc -sanitize=address scripts/sanitize/enum-payload-false-positive.swift -o /tmp/enum-fp
//   ASAN_OPTIONS=detect_leaks=1 /tmp/enum-fp
//
// prints the tagged addresses, then "Direct leak of 96 byte(s) in 4 object(s)" (Swift 6.3.1, measured on this
// project's machine), although `shapes` refers to all four boxes until the process exits. With `.circle(radius:)`,
// case 0, whose addresses carry no tag, nothing is reported.
import Glibc

indirect enum Shape {
    case circle(radius: Int)
    case square(side: Int)
}

let shapes: [Shape] = (1...4).map { .square(side: $0) }
print("a global holds \(shapes.count) boxes, stored as", shapes.map { "0x" + String(unsafeBitCast($0, to: UInt.self), radix: 16) })
fflush(stdout)
