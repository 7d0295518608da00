import Foundation

/// Reads a file's bytes, refusing early when it is larger than a limit.
enum FileReading {
    enum Failure: Error {
        case unreadable(String)
        case tooLarge(Int)
    }

    static func bytes(atPath path: String, limit: Int) throws(Failure) -> [UInt8] {
        var status = stat()
        if stat(path, &status) == 0 {
            // Before reading: Foundation's read of a directory fails after allocating its buffer, and leaks it.
            if status.st_mode & S_IFMT == S_IFDIR { throw .unreadable("it is a directory") }
            if Int(status.st_size) > limit { throw .tooLarge(Int(status.st_size)) }
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
