import Foundation
import Locking

/// Where a command writes: standard output and standard error, replaceable in tests.
public struct Console: Sendable {
    /// Writes to standard output (the text is written as given; add the newline).
    public let writeOutput: @Sendable (String) -> Void
    /// Writes to standard error.
    public let writeError: @Sendable (String) -> Void
    /// Whether standard output is a terminal (colours, live progress).
    public let isTerminal: Bool

    public init(isTerminal: Bool, writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's standard output and error.
    public static let standard = Console(
        isTerminal: isatty(STDOUT_FILENO) == 1,
        writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeError: { FileHandle.standardError.write(Data($0.utf8)) })

    /// Prints one line to standard output.
    public func print(_ line: String) { writeOutput(line + "\n") }

    /// Prints one line to standard error.
    public func printError(_ line: String) { writeError(line + "\n") }
}

/// A console that keeps what is written, for tests and for tools that capture output.
public final class CapturedConsole: Sendable {
    private let buffers = Locked<(output: String, error: String)>(("", ""))

    public init() {}

    /// A ``Console`` writing into this capture.
    public var console: Console {
        Console(
            isTerminal: false,
            writeOutput: { text in self.buffers.withLock { $0.output += text } },
            writeError: { text in self.buffers.withLock { $0.error += text } })
    }

    /// Everything written to standard output.
    public var output: String { buffers.withLock { $0.output } }
    /// Everything written to standard error.
    public var error: String { buffers.withLock { $0.error } }
}
