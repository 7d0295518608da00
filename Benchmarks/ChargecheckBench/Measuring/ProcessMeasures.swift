import Foundation
import Glibc

/// CPU, memory and time of this process: the one place the benchmark measures them.
enum ProcessMeasures {
    /// User plus system CPU seconds of the whole process.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU seconds of the calling thread: on a shared machine it measures the work, not the wait for a core.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Resident memory of this process in KiB (`VmRSS` of `/proc/self/status`), 0 where unreadable.
    static func residentKiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let number = line.split(separator: " ").dropFirst().first, let kibibytes = Double(number)
        else { return 0 }
        return kibibytes
    }

    /// Seconds from `start` to now.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }

    /// Raises this process's open-file limit to `wanted` descriptors (soft and, when allowed, hard limit) so that
    /// 10,000+ connections fit; returns the soft limit in force afterwards.
    @discardableResult
    static func raiseOpenFileLimit(to wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        let target = rlim_t(wanted)
        if limit.rlim_cur < target {
            var raised = limit
            raised.rlim_cur = target
            raised.rlim_max = max(limit.rlim_max, target)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) != 0 {
                // Unprivileged: the hard limit stays; take as much of it as allowed.
                limit.rlim_cur = limit.rlim_max
                _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            }
        }
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(clamping: limit.rlim_cur)
    }
}

extension ProcessMeasures {
    /// Descriptors a process keeps for itself besides connections (pipes, epoll, /proc reads, certificate files).
    static let reservedDescriptors = 256

    /// The most connections one process can hold here: the open-file limit after raising it as far as allowed
    /// (the hard limit binds without CAP_SYS_RESOURCE), less the reserve.
    static func connectionCeiling() -> Int {
        raiseOpenFileLimit(to: 1_000_000) - reservedDescriptors
    }

    /// `wanted` connections, or as many as fit under ``connectionCeiling()`` with a note saying why fewer.
    static func fittingConnections(_ wanted: Int) -> (count: Int, note: String?) {
        let ceiling = connectionCeiling()
        guard wanted > ceiling else { return (wanted, nil) }
        return (ceiling, "\(wanted) wanted, \(ceiling) run: the open-file hard limit here is \(ceiling + reservedDescriptors) "
            + "and setrlimit cannot raise it without CAP_SYS_RESOURCE (raise it with ulimit -Hn as root)")
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
