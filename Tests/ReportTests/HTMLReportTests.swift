import Foundation
import OCPP
@testable import Report
import Runner
import Testing

@Suite("HTML report")
struct HTMLReportTests {
    let failingHTML = HTMLReport().render(Fixtures.failing)
    let passingHTML = HTMLReport().render(Fixtures.passing)

    /// The element id of a scenario's section in the sample runs.
    func sectionId(of scenarioId: String, in run: RunResult) throws -> String {
        let index = try #require(run.stations[0].scenarios.firstIndex { $0.id == scenarioId })
        return HTMLAnchors.scenario(station: 0, scenario: index)
    }

    @Test("each scenario's diagram has one arrow per frame, in trace order, of the frame's kind",
          arguments: ["ev24.connection", "ev24.configuration", "ev24.reset", "ev24.meter-values", "ev24.remote-stop"])
    func oneArrowPerFrame(scenarioId: String) throws {
        let run = Fixtures.failing
        let scenario = try #require(run.stations[0].scenarios.first { $0.id == scenarioId })
        let records = run.stations[0].trace(in: try #require(scenario.traceRange))
        let diagram = try #require(HTMLInspection.diagram(failingHTML, section: try sectionId(of: scenarioId, in: run)))
        #expect(HTMLInspection.values(of: "data-seq", in: diagram) == records.map { String($0.sequence) })
        let expectedClasses = records.map { record -> String in
            switch record.kind {
            case .call: "frame call"
            case .callResult: "frame result"
            case .callError: "frame error"
            case .opened: "connection opened"
            case .closed: "connection closed"
            case .malformed, .binary: "frame malformed"
            }
        }
        let classes = HTMLInspection.values(of: "class", in: diagram).filter {
            $0.hasPrefix("frame ") || $0.hasPrefix("connection ")
        }.map { $0.replacingOccurrences(of: " unanswered", with: "") }
        #expect(classes == expectedClasses)
    }

    @Test("every arrow links to its raw frame, which is in the report")
    func framesOneClickAway() throws {
        let diagram = try #require(HTMLInspection.diagram(failingHTML, section: try sectionId(of: "ev24.reset", in: Fixtures.failing)))
        let links = HTMLInspection.values(of: "href", in: diagram).filter { $0.contains("-f") }
        #expect(!links.isEmpty)
        for link in links {
            let id = String(link.dropFirst())
            #expect(failingHTML.contains("<details class=\"frame\" id=\"\(id)\">"), "no frame for \(link)")
        }
        let bootRaw = try #require(Fixtures.failing.stations[0].trace.first { $0.action == "BootNotification" }?.raw)
        #expect(failingHTML.contains(MarkupEscaper.escape(bootRaw)))
    }

    @Test("a CALLERROR, a disconnect, an unanswered CALL and the failed step are marked in the diagrams")
    func marks() throws {
        let run = Fixtures.failing
        let configuration = try #require(HTMLInspection.diagram(failingHTML, section: try sectionId(of: "ev24.configuration", in: run)))
        #expect(configuration.contains("CALLERROR NotSupported (ChangeConfiguration) · Unknown configuration key"))
        let reset = try #require(HTMLInspection.diagram(failingHTML, section: try sectionId(of: "ev24.reset", in: run)))
        #expect(reset.contains("✗ disconnected: closed by the station (code 1001, going away)"))
        #expect(reset.contains("⋯ 14.2 s pass ⋯"))
        let remoteStop = try #require(HTMLInspection.diagram(failingHTML, section: try sectionId(of: "ev24.remote-stop", in: run)))
        #expect(remoteStop.contains("class=\"frame call unanswered\""))
        #expect(remoteStop.contains("✗ no answer (timed out)"))
        #expect(remoteStop.contains("✗ step 1 (send RemoteStopTransaction): expected a response to RemoteStopTransaction within 30s, none came"))
        let passingRemoteStop = try #require(HTMLInspection.diagram(passingHTML, section: try sectionId(of: "ev24.remote-stop", in: Fixtures.passing)))
        #expect(!passingRemoteStop.contains("unanswered"))
        #expect(!passingRemoteStop.contains("step-problem"))
    }

    @Test("the failed step is highlighted with its diff")
    func failedStepDiff() throws {
        let section = try #require(HTMLInspection.slice(failingHTML, from: "id=\"\(try sectionId(of: "ev24.meter-values", in: Fixtures.failing))\"",
                                                         start: "<table class=\"steps\">", end: "<h4>Sequence diagram</h4>"))
        #expect(section.contains("<tr class=\"step failed\""))
        #expect(section.contains("<tr><td><code>/transactionId</code></td><td class=\"wanted mono\">1001</td><td class=\"got mono\">absent</td></tr>"))
        #expect(section.contains("<b>scenarios/ev24/meter-values.yaml:32:5</b>: MeterValues did not match: 1 difference"))
        #expect(!passingHTML.contains("<tr class=\"step failed\""))
    }

    @Test("the verdict and the coverage matrix come first")
    func top() throws {
        let banner = try #require(failingHTML.range(of: "<div class=\"banner failed\"><div class=\"word\">FAILED</div>"))
        let coverage = try #require(failingHTML.range(of: "Suite verdict and coverage"))
        let firstScenario = try #require(failingHTML.range(of: "<section class=\"scenario"))
        #expect(banner.lowerBound < coverage.lowerBound && coverage.lowerBound < firstScenario.lowerBound)
        #expect(failingHTML.contains("<tr><td><b>MeterValues</b></td><td><span class=\"badge m-yes\">required</span></td>"))
        #expect(passingHTML.contains("<div class=\"banner passed\"><div class=\"word\">PASSED</div>"))
        #expect(HTMLReport().render(Fixtures.interruptedRun).contains("<div class=\"word\">INTERRUPTED</div>"))
    }

    @Test("connector status timeline and meter charts are drawn from the trace")
    func charts() throws {
        let timeline = try #require(HTMLInspection.slice(failingHTML, from: "<h3>Connector status</h3>",
                                                          start: "<svg class=\"timeline\"", end: "</svg>"))
        #expect(timeline.contains("<title>connector 2: Faulted (GroundFailure) from "))
        #expect(HTMLInspection.count("<text class=\"lane\"", in: timeline) == 3)
        let meters = try #require(HTMLInspection.slice(failingHTML, from: "<h3>Meter values</h3>", start: "<div class=\"grid2\">",
                                                        end: "</div>"))
        #expect(HTMLInspection.count("<svg class=\"meter\"", in: meters) == 2)
        #expect(meters.contains("<b>Transaction 1001</b></a> · connector 1 · TAG-0001 · 0.88 kWh · stopped: EVDisconnected"))
        // meterStart, six MeterValues (one without transactionId still belongs to the open transaction), meterStop.
        let firstChart = try #require(HTMLInspection.slice(meters, from: "Transaction 1001</b>", start: "<g class=\"energy-dots\">", end: "</g>"))
        #expect(HTMLInspection.count("<circle", in: firstChart) == 8)
    }

    @Test("the file is self-contained: no script, no external resource, a policy that forbids loading any")
    func selfContained() {
        for html in [failingHTML, passingHTML] {
            #expect(!html.contains("<script"))
            #expect(!html.contains("<link"))
            #expect(!html.contains("src="))
            #expect(!html.contains("url("))
            #expect(!html.contains("@import"))
            let external = html.components(separatedBy: "http").dropFirst().filter { !$0.hasPrefix("://www.w3.org/2000/svg\"") && !$0.hasPrefix("-equiv") }
            #expect(external.isEmpty, "external references: \(external.map { String($0.prefix(40)) })")
            #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
            #expect(html.contains("@media print"))
            // A linked frame shows its raw text even inside closed lists (no script needed).
            #expect(html.contains("details.frame:target::details-content { content-visibility: visible; display: block; }"))
        }
    }

    @Test("station text cannot inject markup")
    func hostileStation() throws {
        let html = HTMLReport().render(Fixtures.hostileRun)
        #expect(!html.contains("<script"))
        #expect(!html.contains("]]>"))
        #expect(!html.contains("<!--<b>"))
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;]]&gt;&lt;!--&lt;b&gt;&amp;amp;"))
        #expect(HTMLInspection.count("<svg ", in: html) == HTMLInspection.count("</svg>", in: html))
    }

    @Test("every SVG is well-formed XML even with hostile station text (xmllint)",
          .enabled(if: ExternalTool("xmllint") != nil, "xmllint is not installed (Debian: libxml2-utils)"))
    func wellFormedSVG() throws {
        let html = HTMLReport().render(Fixtures.hostileRun)
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + ($0.components(separatedBy: "</svg>").first ?? "") + "</svg>" }
        #expect(svgs.count > 10)
        let directory = try TemporaryDirectory()
        let xmllint = try #require(ExternalTool("xmllint"))
        for (index, svg) in svgs.enumerated() {
            let file = try directory.write(svg, to: "chart-\(index).svg")
            let result = try xmllint.run(["--noout", file])
            #expect(result.status == 0, "\(result.output)")
        }
    }
}
