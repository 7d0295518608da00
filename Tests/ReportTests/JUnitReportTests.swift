import Foundation
@testable import Report
import Runner
import Testing

@Suite("JUnit report")
struct JUnitReportTests {
    let report = JUnitReport(hostname: "ci-runner")

    @Test("a failing scenario's failure names the file:line:column and shows the diff")
    func failureText() throws {
        let xml = report.render(Fixtures.standaloneRun)
        #expect(xml.contains("<failure type=\"FAIL\" message=\"scenarios/ev24/meter-values.yaml:32:5: MeterValues did not match: 1 difference\">"))
        #expect(xml.contains("scenarios/ev24/meter-values.yaml:32:5: expect MeterValues failed\nMeterValues did not match: 1 difference\n  /transactionId\n  - wanted 1001\n  + got    absent"))
        #expect(xml.contains("<failure type=\"FAIL\" message=\"scenarios/ev24/remote-stop.yaml:14:5: expected a response to RemoteStopTransaction within 30s, none came\">"))
        #expect(xml.contains("<testsuite package=\"chargecheck.CP-EV24-0001\" id=\"0\" name=\"scenarios on CP-EV24-0001\""))
        #expect(xml.contains("failures=\"2\" errors=\"0\" skipped=\"2\""))
    }

    @Test("in a suite with verdict rules, the rules fail and the scenarios they judge carry the diff as skipped")
    func suiteVerdictDecides() throws {
        let xml = report.render(Fixtures.failing)
        #expect(xml.contains("<failure type=\"VERDICT\" message=\"scenarios/ev24/suite.yaml:21:5: ev24.meter-values FAIL, ev24.remote-stop FAIL\">"))
        #expect(xml.contains("<skipped message=\"FAIL, left to the suite verdict: scenarios/ev24/meter-values.yaml:32:5: MeterValues did not match: 1 difference\">"))
        #expect(xml.contains("  /transactionId\n  - wanted 1001\n  + got    absent"))
        #expect(HTMLInspection.count("<failure ", in: xml) == 2)
        #expect(xml.contains("failures=\"2\" errors=\"0\" skipped=\"4\""))
    }

    @Test("a passing run has no failure, and not-applicable scenarios are skipped with the reason")
    func passingAndSkipped() {
        let xml = report.render(Fixtures.passing)
        #expect(!xml.contains("<failure"))
        #expect(!xml.contains("<error"))
        #expect(xml.contains("<skipped message=\"NOT_APPLICABLE: the station never connected with wss + mutual TLS\"/>"))
        #expect(xml.contains("<testcase name=\"ev24.remote-start: Remote start transaction\" classname=\"CP-EV24-0001.ev24\""))
    }

    @Test("system-out holds step timings and the trace excerpt of each scenario")
    func systemOut() throws {
        let xml = report.render(Fixtures.failing)
        let start = try #require(xml.range(of: "<system-out>"))
        let end = try #require(xml.range(of: "</system-out>"))
        let out = String(xml[start.upperBound..<end.lowerBound])
        #expect(out.contains("== ev24.reset PASS"))
        #expect(out.contains("✓ 0.032 s  send Reset  scenarios/ev24/reset.yaml:14:5  sent Reset Soft, got Accepted"))
        #expect(out.contains("CP → CS  CALL BootNotification  [2,&quot;1&quot;,&quot;BootNotification&quot;"))
        #expect(out.contains("disconnected  (closed by the station (code 1001, going away))"))
    }

    @Test("an interrupted scenario is an error, and the suite says the run was interrupted")
    func interrupted() {
        let xml = report.render(Fixtures.interruptedRun)
        #expect(xml.contains("<error type=\"INTERRUPTED\" message=\"scenarios/ev24/stop-unplug.yaml:34:5: expect StopTransaction interrupted by Ctrl-C or SIGTERM\">"))
        #expect(xml.contains("<property name=\"interrupted\" value=\"true\"/>"))
    }

    @Test("a run without stations is one erring testcase with the reason")
    func noStation() {
        let xml = report.render(Fixtures.noStationRun)
        #expect(xml.contains("<error type=\"RUN\" message=\"no station connected within 30s to ws://127.0.0.1:9000/ocpp\">"))
        #expect(xml.contains("tests=\"1\" failures=\"0\" errors=\"1\""))
    }

    @Test("station text cannot break the XML")
    func hostileStation() {
        let xml = report.render(Fixtures.hostileRun)
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("]]>"))
        #expect(!xml.contains("<!--<b>"))
        #expect(xml.contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;]]&gt;&lt;!--&lt;b&gt;&amp;amp;"))
    }

    @Test("every report is valid against junit-4.xsd (xmllint)",
          .enabled(if: ExternalTool("xmllint") != nil, "xmllint is not installed (Debian: libxml2-utils)"),
          arguments: ["passing", "failing", "standalone", "hostile", "interrupted", "no station"])
    func validAgainstSchema(name: String) throws {
        let run = switch name {
        case "passing": Fixtures.passing
        case "failing": Fixtures.failing
        case "standalone": Fixtures.standaloneRun
        case "hostile": Fixtures.hostileRun
        case "interrupted": Fixtures.interruptedRun
        default: Fixtures.noStationRun
        }
        let directory = try TemporaryDirectory()
        let file = try directory.write(report.render(run), to: "report.xml")
        let xmllint = try #require(ExternalTool("xmllint"))
        let result = try xmllint.run(["--noout", "--schema", RepositoryFile.path("docs/junit-4.xsd"), file])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("validates"))
    }
}
