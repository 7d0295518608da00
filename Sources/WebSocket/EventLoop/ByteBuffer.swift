/// Received bytes not yet consumed: an array with a moving read index.
struct ByteBuffer {
    private(set) var storage: [UInt8] = []
    private(set) var readIndex = 0

    var count: Int { storage.count - readIndex }
    var isEmpty: Bool { readIndex == storage.count }

    subscript(offset: Int) -> UInt8 { storage[readIndex + offset] }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        storage.append(contentsOf: bytes)
    }

    /// The unread bytes.
    var readable: ArraySlice<UInt8> { storage[readIndex...] }

    mutating func consume(_ count: Int) {
        readIndex += count
        if readIndex == storage.count {
            storage.removeAll(keepingCapacity: storage.capacity <= 1 << 20)
            readIndex = 0
        } else if readIndex >= 1 << 16 && readIndex * 2 >= storage.count {
            storage.removeFirst(readIndex)
            readIndex = 0
        }
    }
}
