import Foundation
import Locking

/// Appends each trace record as one JSON line to a file, handing every line to the operating system as it is
/// recorded (one `write` per line, no user-space buffer), so a crash or Ctrl-C loses nothing already recorded.
public final class TraceFileSink: TraceSink {
    /// The descriptor, or -1 once closed; the mutex keeps writes whole and ordered.
    let descriptor: Locked<Int32>
    /// The file written.
    public let path: String

    /// Opens (creating or appending to) the trace file at `path`.
    public init(path: String) throws(TraceFileError) {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TraceFileError(path: path, reason: String(cString: strerror(errno))) }
        descriptor = Locked(fd)
    }

    public func write(_ record: TraceRecord) {
        var line = record.jsonLine
        line += "\n"
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            line.withUTF8 { buffer in
                guard let base = buffer.baseAddress else { return }
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(fd, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }

    /// Closes the file; later records are dropped.
    public func close() {
        descriptor.withLock { fd in
            if fd >= 0 { _ = Foundation.close(fd) }
            fd = -1
        }
    }

    deinit {
        close()
    }
}

/// A trace file that could not be opened.
public struct TraceFileError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The system's reason.
    public let reason: String

    public var description: String { "cannot open the trace file \(path): \(reason)" }
}
