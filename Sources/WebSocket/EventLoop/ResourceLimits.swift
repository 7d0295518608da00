import Glibc

/// Process limits a server holding thousands of connections needs.
enum ResourceLimits {
    /// Raises the soft `RLIMIT_NOFILE` to the hard limit (allowed without privileges).
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
