import Foundation

/// A linear axis: maps values onto a pixel range and picks round tick values.
struct ChartAxis {
    var lower: Double
    var upper: Double
    /// The pixel positions of `lower` and `upper` (upper may be the smaller one, as for y axes).
    var start: Double
    var end: Double

    /// An axis over `values`' range, widened to round numbers; a flat range is widened around its value.
    init(covering values: [Double], from start: Double, to end: Double, includingZero: Bool = false) {
        var lower = values.min() ?? 0
        var upper = values.max() ?? 1
        if includingZero { lower = min(lower, 0); upper = max(upper, 0) }
        if upper - lower < 1e-9 { lower -= 1; upper += 1 }
        let step = Self.niceStep((upper - lower) / 4)
        self.lower = (lower / step).rounded(.down) * step
        self.upper = (upper / step).rounded(.up) * step
        self.start = start
        self.end = end
    }

    /// An axis from `lower` to `upper` exactly (time axes).
    init(exactly lower: Double, _ upper: Double, from start: Double, to end: Double) {
        self.lower = lower
        self.upper = upper > lower ? upper : lower + 1
        self.start = start
        self.end = end
    }

    /// The pixel position of `value`.
    func position(_ value: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// About `count` round values inside the axis.
    func ticks(count: Int = 4) -> [Double] {
        let step = Self.niceStep((upper - lower) / Double(max(1, count)))
        var value = (lower / step).rounded(.up) * step
        var ticks: [Double] = []
        while value <= upper + step * 1e-9, ticks.count < 50 {
            ticks.append(value)
            value += step
        }
        return ticks
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        for factor in [1, 2, 2.5, 5, 10] where factor * magnitude >= rough {
            return factor * magnitude
        }
        return 10 * magnitude
    }
}
