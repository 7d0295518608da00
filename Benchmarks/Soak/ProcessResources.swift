import Foundation
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

    /// The number of entries in /proc/self/fd (the directory listing's own descriptor excluded).
    static func openDescriptors() -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return max(entries.count - 1, 0)
    }
}

/// Samples ``ResourceSample`` on its own thread every `interval` until stopped.
final class ResourceSampler: Sendable {
    private let samples = Mutex<[ResourceSample]>([])
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
