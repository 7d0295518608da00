import Foundation

/// Each connector's reported status over a station's whole run, as an SVG timeline: one lane per connector, one
/// coloured bar per reported state (labelled when wide enough, the state and time as a tooltip), faint bands for the
/// scenarios with their numbers on top, and a clock-time axis.
struct StatusTimelineChart {
    static let width = 860.0
    static let labelWidth = 96.0
    static let laneHeight = 26.0
    static let top = 30.0

    let history: ConnectorStatusHistory
    /// The scenarios as (number, id, start, end), for the background bands.
    let scenarios: [(number: Int, id: String, start: Date, end: Date)]
    /// The anchor of a trace record's raw frame: each bar links to the StatusNotification that began it.
    let frameLink: (Int) -> String

    /// The CSS class of a status (`Charging` → `st-charging`); unknown states share one class.
    static func statusClass(_ status: String) -> String {
        let known = ["Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing", "Reserved",
                     "Unavailable", "Faulted"]
        return known.contains(status) ? "st-\(status.lowercased())" : "st-other"
    }

    func svg() -> Markup {
        let lanes = history.connectors.count
        let axisY = Self.top + Double(lanes) * (Self.laneHeight + 6) + 4
        let height = axisY + 24
        let axis = ChartAxis(exactly: history.start.timeIntervalSince1970, history.end.timeIntervalSince1970,
                             from: Self.labelWidth, to: Self.width - 12)
        let bands: [Markup] = scenarios.map { scenario in
            let x1 = axis.position(scenario.start.timeIntervalSince1970)
            let x2 = max(x1 + 1, axis.position(scenario.end.timeIntervalSince1970))
            return """
                <g class="scenario-band\(scenario.number % 2 == 0 ? " even" : "")"><title>\(scenario.number). \(scenario.id)</title>\
                <rect x="\(x1)" y="12" width="\(x2 - x1)" height="\(axisY - 12)"/>\
                \(x2 - x1 >= 14 ? "<text x=\"\((x1 + x2) / 2)\" y=\"24\">\(scenario.number)</text>" as Markup : .empty)</g>
                """
        }
        let lanesMarkup: [Markup] = history.connectors.enumerated().map { index, connector in
            let y = Self.top + Double(index) * (Self.laneHeight + 6)
            let bars: [Markup] = connector.spans.map { span in
                let x1 = axis.position(span.start.timeIntervalSince1970)
                let x2 = max(x1 + 2, axis.position(span.end.timeIntervalSince1970))
                let label = span.status + (span.errorCode.map { " (\($0))" } ?? "")
                let fits = Double(label.count) * 6.4 + 8 < x2 - x1
                return """
                    <a href="#\(frameLink(span.sequence))"><g class="span \(Self.statusClass(span.status))"><title>connector \(connector.id): \(label) from \
                    \(NumberText.clockTime(span.start)) for \(NumberText.duration(span.end.timeIntervalSince(span.start)))</title>\
                    <rect x="\(x1)" y="\(y)" width="\(x2 - x1)" height="\(Self.laneHeight)" rx="2"/>\
                    \(fits ? "<text x=\"\(x1 + 4)\" y=\"\(y + 17)\">\(label)</text>" as Markup : .empty)</g></a>
                    """
            }
            let name = connector.id == 0 ? "Station (0)" : "Connector \(connector.id)"
            return "<text class=\"lane\" x=\"4\" y=\"\(y + 17)\">\(name)</text>\(bars)"
        }
        return """
            <svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.width) \(height)" \
            width="\(Self.width)" height="\(height)" role="img" aria-label="Connector status timeline">\
            \(bands)\(lanesMarkup)\(timeAxis(axis, y: axisY))</svg>
            """
    }

    private func timeAxis(_ axis: ChartAxis, y: Double) -> Markup {
        let ticks = ChartTimeTicks.ticks(from: history.start, to: history.end, count: 6)
        let marks: [Markup] = ticks.map { tick in
            let x = axis.position(tick.timeIntervalSince1970)
            return """
                <line x1="\(x)" y1="\(y)" x2="\(x)" y2="\(y + 4)"/><text x="\(x)" y="\(y + 16)">\(ChartTimeTicks.label(tick))</text>
                """
        }
        return """
            <g class="axis"><line x1="\(Self.labelWidth)" y1="\(y)" x2="\(Self.width - 12)" y2="\(y)"/>\(marks)</g>
            """
    }
}
