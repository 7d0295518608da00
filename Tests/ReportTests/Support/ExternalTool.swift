import Foundation

/// A command-line tool the tests validate reports with (xmllint, python3), found on PATH.
struct ExternalTool {
    let path: String

    /// The tool, or `nil` when it is not installed (tests that need it are then disabled).
    init?(_ name: String) {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let directory = directories.first(where: {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }) else { return nil }
        path = "\(directory)/\(name)"
    }

    /// Runs the tool to completion and returns its exit status and its standard output and error, combined.
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A fresh directory for one test's files, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "report-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` inside the directory and returns the file's path.
    func write(_ text: String, to name: String) throws -> String {
        let file = "\(path)/\(name)"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// Files of the repository the tests read (schemas under docs/).
enum RepositoryFile {
    /// The absolute path of `relative` (from the repository root).
    static func path(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relative).path
    }
}
