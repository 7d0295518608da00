import Foundation
import OCPP
import Runner

/// A run as one self-contained HTML file for people: the verdict and the coverage matrix at the top, then per station
/// its connections, findings, connector status timeline and meter charts, and a section per scenario with its steps
/// (failed ones highlighted with their diff), a sequence diagram and every raw frame one click away.
///
/// The file needs nothing else: inline CSS, SVG drawn here, no script at all, system fonts; a Content Security
/// Policy forbids every external load. Everything a station sent is escaped (see ``Markup``).
public struct HTMLReport: Sendable {
    public init() {}

    /// The HTML document.
    public func render(_ result: RunResult) -> String {
        let summary = SummarySection(result: result)
        let stations: [Markup] = result.stations.enumerated().map { index, station in
            StationSection(station: station, index: index).markup()
        }
        let document: Markup = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>Chargecheck report: \(summary.word) · \(summary.stationNames)</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <main>
            \(summary.markup())
            \(CoverageSection(stations: result.stations).markup())
            \(summary.scenarioIndex())
            \(stations)
            <footer>Written by chargecheck from the run of \(NumberText.timestamp(result.started)) · \
            JSON report format \(JSONReport.formatVersion) · trace format \(TraceRecord.formatVersion)</footer>
            </main>
            </body>
            </html>

            """
        return document.description
    }
}
