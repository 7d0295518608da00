import Foundation
import Runner

/// Writes the reports a run was asked for: at its end, and on Ctrl-C or SIGTERM with what is known by then.
public enum ReportOutput {
    /// Writes `result` once per request. Each file is written whole or not at all (a temporary file renamed into
    /// place), missing parent directories are created, and one request failing does not stop the others.
    /// - Returns: one error per request that could not be written (empty when all were).
    @discardableResult
    public static func write(_ result: RunResult, to requests: [ReportRequest]) -> [ReportWriteError] {
        requests.compactMap { request in
            do {
                try write(request.format.render(result), toFile: request.path)
                return nil
            } catch {
                return ReportWriteError(request: request, reason: Self.reason(error))
            }
        }
    }

    private static func write(_ text: String, toFile path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           let message = String(validatingCString: strerror(Int32(underlying.code))), underlying.domain == NSPOSIXErrorDomain {
            return message
        }
        return nsError.localizedDescription
    }
}

/// A report that could not be written.
public struct ReportWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var request: ReportRequest
    /// Why, as the system said it.
    public var reason: String

    /// `cannot write the html report to out/r.html: Permission denied; check that the directory is writable`.
    public var description: String {
        "cannot write the \(request.format.rawValue) report to \(request.path): \(reason); "
            + "check that the directory exists or can be created and is writable"
    }
}
