import Foundation

/// One transaction's meter values as an SVG chart: the energy register (kWh, left axis, filled line with a point per
/// reading) and the power (kW, right axis, stepped line) over time.
struct MeterChart {
    static let width = 420.0
    static let height = 230.0
    static let left = 52.0
    static let right = 52.0
    static let top = 26.0
    static let bottom = 40.0

    let series: TransactionMeterSeries

    func svg() -> Markup {
        let plotBottom = Self.height - Self.bottom
        let times = (series.energy + series.power).map(\.time.timeIntervalSince1970)
        let start = times.min() ?? series.started.timeIntervalSince1970
        let end = times.max() ?? start
        let x = ChartAxis(exactly: start, end, from: Self.left, to: Self.width - Self.right)
        let energy = ChartAxis(covering: series.energy.map { $0.value / 1000 }, from: plotBottom, to: Self.top)
        let power = ChartAxis(covering: series.power.map { $0.value / 1000 }, from: plotBottom, to: Self.top,
                              includingZero: true)
        let energyPoints = series.energy.map { (x.position($0.time.timeIntervalSince1970), energy.position($0.value / 1000)) }
        var powerSteps: [(Double, Double)] = []
        for sample in series.power {
            let point = (x.position(sample.time.timeIntervalSince1970), power.position(sample.value / 1000))
            if let last = powerSteps.last { powerSteps.append((point.0, last.1)) }
            powerSteps.append(point)
        }
        let grid: [Markup] = energy.ticks().map { tick in
            let y = energy.position(tick)
            return """
                <line class="grid" x1="\(Self.left)" y1="\(y)" x2="\(Self.width - Self.right)" y2="\(y)"/>\
                <text class="energy-tick" x="\(Self.left - 6)" y="\(y + 4)">\(NumberText.quantity(tick, unit: ""))</text>
                """
        }
        let powerTicks: [Markup] = series.power.isEmpty ? [] : power.ticks().map { tick in
            "<text class=\"power-tick\" x=\"\(Self.width - Self.right + 6)\" y=\"\(power.position(tick) + 4)\">\(NumberText.quantity(tick, unit: ""))</text>"
        }
        let timeTicks: [Markup] = ChartTimeTicks.ticks(from: Date(timeIntervalSince1970: start),
                                                       to: Date(timeIntervalSince1970: end), count: 4).map { tick in
            let position = x.position(tick.timeIntervalSince1970)
            return "<text class=\"time-tick\" x=\"\(position)\" y=\"\(plotBottom + 16)\">\(ChartTimeTicks.label(tick))</text>"
        }
        let dots: [Markup] = zip(series.energy, energyPoints).map { sample, point in
            """
            <circle cx="\(point.0)" cy="\(point.1)" r="3"><title>\(NumberText.clockTime(sample.time)): \
            \(NumberText.quantity(sample.value, unit: "Wh"))</title></circle>
            """
        }
        let area: Markup = energyPoints.count > 1
            ? "<path class=\"energy-area\" d=\"\(Self.path(energyPoints))L\(energyPoints.last?.0 ?? 0),\(plotBottom)L\(energyPoints.first?.0 ?? 0),\(plotBottom)Z\"/>"
            : .empty
        return """
            <svg class="meter" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.width) \(Self.height)" \
            width="\(Self.width)" height="\(Self.height)" role="img" aria-label="Meter values">\
            <g class="axis">\(grid)\(powerTicks)\(timeTicks)\
            <line x1="\(Self.left)" y1="\(plotBottom)" x2="\(Self.width - Self.right)" y2="\(plotBottom)"/>\
            <text class="unit energy-unit" x="4" y="14">kWh</text>\
            \(series.power.isEmpty ? Markup.empty : "<text class=\"unit power-unit\" x=\"\(Self.width - 4)\" y=\"14\">kW</text>")</g>\
            \(area)<path class="power-line" d="\(Self.path(powerSteps))"/>\
            <path class="energy-line" d="\(Self.path(energyPoints))"/><g class="energy-dots">\(dots)</g>\
            <g class="legend"><rect class="energy-key" x="\(Self.left)" y="\(Self.height - 14)" width="14" height="4"/>\
            <text x="\(Self.left + 20)" y="\(Self.height - 9)">energy register</text>\
            <rect class="power-key" x="\(Self.left + 130)" y="\(Self.height - 14)" width="14" height="4"/>\
            <text x="\(Self.left + 150)" y="\(Self.height - 9)">power</text></g></svg>
            """
    }

    /// `M x,y L x,y …`.
    private static func path(_ points: [(Double, Double)]) -> Markup {
        Markup(joining: points.enumerated().map { index, point -> Markup in
            "\(index == 0 ? "M" : "L")\(point.0),\(point.1)"
        }, separator: " ")
    }
}
