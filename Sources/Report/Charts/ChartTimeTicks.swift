import Foundation

/// Round clock times for time axes (every 10 s, 1 min, 5 min, …) and their labels.
enum ChartTimeTicks {
    private static let steps: [TimeInterval] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600]

    /// About `count` round times between `start` and `end`.
    static func ticks(from start: Date, to end: Date, count: Int) -> [Date] {
        let span = max(1, end.timeIntervalSince(start))
        let step = steps.first { span / $0 <= Double(count) } ?? span / Double(count)
        var tick = (start.timeIntervalSince1970 / step).rounded(.up) * step
        var ticks: [Date] = []
        while tick <= end.timeIntervalSince1970, ticks.count <= count * 2 {
            ticks.append(Date(timeIntervalSince1970: tick))
            tick += step
        }
        return ticks
    }

    /// `18:04:30` (UTC).
    static func label(_ date: Date) -> String {
        String(NumberText.clockTime(date).prefix(8))
    }
}
