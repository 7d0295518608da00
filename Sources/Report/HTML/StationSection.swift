import Foundation
import OCPP
import Runner

/// One station: who it is, its connections and findings, the connector status timeline and a meter chart per
/// transaction, then its scenarios.
struct StationSection {
    let station: StationResult
    let index: Int

    func markup() -> Markup {
        let unanswered = SequenceDiagram.unansweredCalls(in: station.trace)
        let scenarios: [Markup] = station.scenarios.enumerated().map { scenarioIndex, scenario in
            ScenarioSection(scenario: scenario, station: station, stationIndex: index, index: scenarioIndex,
                            unansweredCalls: unanswered).markup()
        }
        return """
            <h2 id="\(HTMLAnchors.station(index))">Station \(station.identity) \
            \(HTMLFragments.yesNo(station.passed, yes: "passed", no: "failed"))</h2>
            \(identity())\(connections())\(findings())\(statusTimeline())\(meterCharts())
            \(scenarios)
            """
    }

    private func frameLink(_ sequence: Int) -> String {
        HTMLAnchors.frame(station: index, sequence: sequence)
    }

    private func identity() -> Markup {
        guard case .object(let boot)? = station.bootNotification else { return .empty }
        let rows: [Markup] = boot.members.map { member in
            "<tr><td>\(member.key)</td><td>\(member.value.stringValue ?? member.value.jsonText)</td></tr>"
        }
        return "<table class=\"facts-table\">\(rows)</table>"
    }

    /// The connections a long history does not list, counted.
    private var unlistedConnections: Markup {
        let count = station.unlistedConnections
        guard count > 0 else { return .empty }
        return "<p class=\"muted\">\(count) more connections, between the first and the last \(station.connections.count / 2), are not listed.</p>"
    }

    private func connections() -> Markup {
        guard !station.connections.isEmpty else { return .empty }
        let rows: [Markup] = station.connections.map { connection in
            """
            <tr><td class="where"><code>\(connection.connectionId)</code></td><td>\(connection.security)</td><td>\(connection.peer)</td>\
            <td><code>\(connection.path)</code></td><td>\(connection.subprotocol ?? "none")</td><td>\(connection.tls)</td>\
            <td>\(NumberText.clockTime(connection.opened))</td><td class="long">\(connection.closure ?? "open at the end")\
            \(connection.notes.isEmpty ? Markup.empty : "<br><span class=\"muted\">\(connection.notes.joined(separator: "; "))</span>")</td></tr>
            """
        }
        return """
            <h3>Connections</h3>
            <table><tr><th>Id</th><th>Security</th><th>Peer</th><th>Path</th><th>Subprotocol</th><th>TLS</th>\
            <th>Opened (UTC)</th><th>Ended</th></tr>\(rows)</table>\(unlistedConnections)
            """
    }

    private func findings() -> Markup {
        guard !station.findings.isEmpty else { return .empty }
        let items: [Markup] = station.findings.map { finding in
            """
            <li class="finding \(finding.severity.rawValue)"><b>\(finding.severity.rawValue)</b> \
            <code>[\(finding.kind.rawValue)]</code> \(finding.message)\
            \(finding.violations.isEmpty ? Markup.empty : "<ul>\(finding.violations.map { "<li><code>\($0.description)</code></li>" as Markup })</ul>")\
            \(finding.raw.map { "<pre>\($0)</pre>" as Markup } ?? .empty)</li>
            """
        }
        return "<h3>Protocol findings</h3><ul>\(items)</ul>"
    }

    private func statusTimeline() -> Markup {
        let history = ConnectorStatusHistory(trace: station.trace)
        guard !history.isEmpty else { return .empty }
        let bands = station.scenarios.enumerated().compactMap { offset, scenario in
            scenario.traceRange == nil ? nil : (number: offset + 1, id: scenario.id, start: scenario.started, end: scenario.ended)
        }
        let states = ["Available", "Preparing", "Charging", "SuspendedEV", "Finishing", "Reserved", "Unavailable", "Faulted"]
        let legend: [Markup] = states.map {
            "<span><span class=\"key \(StatusTimelineChart.statusClass($0))\"></span>\($0)</span>"
        }
        return """
            <h3>Connector status</h3>
            <figure><figcaption>The states each connector reported (StatusNotification), over the whole run; numbered \
            bands are the scenarios in run order.</figcaption>\
            \(StatusTimelineChart(history: history, scenarios: bands, frameLink: frameLink).svg())<div class="legend-row">\(legend)</div></figure>
            """
    }

    private func meterCharts() -> Markup {
        let transactions = TransactionMeterSeries.all(in: station.trace)
        guard !transactions.isEmpty else { return .empty }
        let charts: [Markup] = transactions.map { series in
            let id = series.transactionId.map { "Transaction \($0)" } ?? "Unanswered StartTransaction"
            var facts = ["connector \(series.connectorId)"]
            if let idTag = series.idTag { facts.append(idTag) }
            if let delivered = series.energyDelivered { facts.append(NumberText.quantity(delivered / 1000, unit: "kWh")) }
            facts.append(series.stopped == nil ? "not stopped" : "stopped" + (series.stopReason.map { ": \($0)" } ?? ""))
            return """
                <figure><figcaption><a href="#\(frameLink(series.startSequence))"><b>\(id)</b></a> · \(facts.joined(separator: " · "))</figcaption>\
                \(MeterChart(series: series).svg())</figure>
                """
        }
        return "<h3>Meter values</h3><div class=\"grid2\">\(charts)</div>"
    }
}
