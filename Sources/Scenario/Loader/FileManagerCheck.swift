import Foundation

/// File existence, kept in one place.
enum FileManagerCheck {
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
