import Foundation

/// Reads a file's bytes, refusing early when it is larger than a limit.
enum FileReading {
    enum Failure: Error {
        case unreadable(String)
        case tooLarge(Int)
    }

    /// The bytes of the regular file at `path`. A device, pipe or socket is refused before reading, saying so (Foundation
    /// refuses to read them too, which used to show as "permission denied").
    static func bytes(atPath path: String, limit: Int) throws(Failure) -> [UInt8] {
        var status = stat()
        if stat(path, &status) == 0 {
            let type = status.st_mode & S_IFMT
            // Before reading: Foundation's read of a directory fails after allocating its buffer, and leaks it.
            if type == S_IFDIR { throw .unreadable("it is a directory") }
            if type != S_IFREG { throw .unreadable("it is not a regular file (a device, pipe or socket)") }
            if Int(status.st_size) > limit { throw .tooLarge(Int(status.st_size)) }
            // Foundation's read of an empty file leaks the 4 KiB buffer it allocated for it (found by LeakSanitizer).
            if status.st_size == 0 && access(path, R_OK) == 0 { return [] }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw .unreadable(!exists ? "no such file" : isDirectory.boolValue ? "it is a directory" : "permission denied")
        }
        if data.count > limit { throw .tooLarge(data.count) }
        return [UInt8](data)
    }
}
