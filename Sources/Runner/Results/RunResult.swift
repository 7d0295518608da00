import Foundation

/// Everything a run found: what the reports (console, JUnit, JSON, HTML) are written from.
public struct RunResult: Sendable, Hashable {
    /// When the run started (before listeners opened) and ended.
    public var started: Date
    public var ended: Date
    /// The options the run was made with (no secrets).
    public var options: RunOptions
    /// One result per station that connected (or was expected and never came), in arrival order.
    public var stations: [StationResult]
    /// Problems of the run itself, not of one station: no station came within `--wait`, a listener could not open.
    public var errors: [String]
    /// Clients whose WebSocket handshake a listener refused (wrong password, no client certificate, bad path…),
    /// each as `peer: stage status: reason`.
    public var handshakeRejections: [String]
    /// Whether Ctrl-C or SIGTERM cut the run short (steps in progress are marked interrupted).
    public var interrupted: Bool
    /// What the reader should know that does not decide the verdict: a limit the run reached (the trace kept for the
    /// reports cut short, handshake rejections beyond those listed).
    public var notes: [String]

    public init(started: Date, ended: Date, options: RunOptions, stations: [StationResult], errors: [String] = [],
                handshakeRejections: [String] = [], interrupted: Bool = false, notes: [String] = []) {
        self.started = started
        self.ended = ended
        self.options = options
        self.stations = stations
        self.errors = errors
        self.handshakeRejections = handshakeRejections
        self.interrupted = interrupted
        self.notes = notes
    }

    /// Whether everything that decides the exit code passed: no run error, no station failing.
    public var passed: Bool { errors.isEmpty && !stations.isEmpty && stations.allSatisfy(\.passed) }

    /// The process exit code: 0 passed, 1 a scenario failed or erred (or a suite verdict failed), 130 interrupted.
    /// (2, bad usage or bad scenario files, is decided before a run starts.)
    public var exitCode: Int32 {
        if interrupted { return RunExitStatus.interrupted }
        return passed ? RunExitStatus.passed : RunExitStatus.failed
    }

    /// Scenario results of every station, counted by verdict.
    public var verdictCounts: [Verdict: Int] {
        var counts: [Verdict: Int] = [:]
        for station in stations {
            for scenario in station.scenarios { counts[scenario.verdict, default: 0] += 1 }
        }
        return counts
    }
}

/// The exit codes of `chargecheck run`.
public enum RunExitStatus {
    /// Every scenario passed (or was not applicable / skipped), every suite verdict passed.
    public static let passed: Int32 = 0
    /// A scenario failed or erred, an expected failure passed, or a suite verdict failed.
    public static let failed: Int32 = 1
    /// Bad usage or bad scenario files; no station was touched.
    public static let usage: Int32 = 2
    /// Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
    public static let interrupted: Int32 = 130
}
