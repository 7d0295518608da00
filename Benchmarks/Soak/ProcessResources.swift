import Foundation
import Locking
import Synchronization

/// What the soak watches in its own process (the runner runs in it): resident memory and open file descriptors,
/// read from /proc/self.
struct ResourceSample: Sendable {
    /// Seconds since the soak began.
    let elapsed: Double
    let residentKiB: Int
    let openDescriptors: Int

    /// The current values.
    static func now(since start: ContinuousClock.Instant) -> ResourceSample {
        let elapsed = start.duration(to: .now)
        return ResourceSample(elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                              residentKiB: residentKiB(), openDescriptors: openDescriptors())
    }

    /// VmRSS of this process in KiB (0 when /proc cannot be read).
    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }

    /// What the open descriptors are, counted by kind (`socket`, `pipe`, `anon_inode:[eventpoll]`, or a file path).
    static func describeDescriptors() -> String {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        var kinds: [String: Int] = [:]
        for entry in entries {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + entry) else { continue }
            let kind = target.hasPrefix("socket:") ? socketKind(inode: String(target.dropFirst(8).dropLast()))
                : target.hasPrefix("pipe:") ? "pipe" : target
            kinds[kind, default: 0] += 1
        }
        return kinds.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    }

    /// `tcp STATE` or `unix` for a socket inode, from /proc/self/net (TCP states as the kernel numbers them: 01
    /// established, 06 time-wait, 08 close-wait, 0A listen).
    static func socketKind(inode: String) -> String {
        for table in ["tcp", "tcp6"] {
            let lines = (try? String(contentsOfFile: "/proc/self/net/" + table, encoding: .utf8))?.split(separator: "\n") ?? []
            for line in lines.dropFirst() {
                let fields = line.split(separator: " ")
                if fields.count > 9, fields[9] == inode { return "\(table) socket state \(fields[3])" }
            }
        }
        return "unix socket"
    }

    /// The number of entries in /proc/self/fd (the directory listing's own descriptor excluded).
    static func openDescriptors() -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return max(entries.count - 1, 0)
    }
}

/// Samples ``ResourceSample`` on its own thread every `interval` until stopped.
final class ResourceSampler: Sendable {
    private let samples = Locked<[ResourceSample]>([])
    private let running = Atomic<Bool>(true)
    private let start: ContinuousClock.Instant
    private let interval: Duration

    init(start: ContinuousClock.Instant, interval: Duration) {
        self.start = start
        self.interval = interval
    }

    /// Starts sampling (the first sample at once).
    func begin() {
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                let sample = ResourceSample.now(since: start)
                samples.withLock { $0.append(sample) }
                Thread.sleep(forTimeInterval: Double(interval.components.seconds))
            }
        }
        thread.name = "soak-sampler"
        thread.start()
    }

    /// Stops sampling and returns the samples.
    func end() -> [ResourceSample] {
        running.store(false, ordering: .relaxed)
        return samples.withLock { $0 }
    }
}
