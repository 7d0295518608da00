/// Latency samples in microseconds and their percentiles.
struct Latencies: Sendable {
    private(set) var samples: [UInt32] = []

    /// Records one latency.
    mutating func record(_ duration: Duration) {
        samples.append(UInt32(clamping: Int64(duration.seconds * 1e6)))
    }

    /// Adds another set of samples.
    mutating func merge(_ other: Latencies) {
        samples += other.samples
    }

    var count: Int { samples.count }

    /// The percentiles p50, p99 and max in milliseconds (zeros without samples).
    func summary() -> (p50: Double, p99: Double, max: Double) {
        guard !samples.isEmpty else { return (0, 0, 0) }
        let sorted = samples.sorted()
        func at(_ fraction: Double) -> Double {
            Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) / 1000
        }
        return (at(0.50), at(0.99), Double(sorted[sorted.count - 1]) / 1000)
    }
}
