import Foundation
import OCPP
@testable import Report
import Runner
import Testing

/// What a long run summarises (the middle iterations of a long `repeat`, unconsumed CALLs beyond those listed) is
/// said, with the count, in every report.
@Suite("Summarised results in reports")
struct SummarisedResultTests {
    let run = Fixtures.summarisedRun
    var scenario: ScenarioResult { run.stations[0].scenarios[0] }

    @Test("text (JUnit system-out): the unlisted iterations are one line, between the first three and the last three")
    func text() throws {
        let lines = StepText.timings(scenario.steps)
        let summary = try #require(lines.firstIndex { $0.hasSuffix("… 1994 more iterations passed (not listed)") })
        #expect(lines[summary - 1].hasSuffix("iteration 3 of 2000"))
        #expect(lines[summary + 1].hasSuffix("iteration 1998 of 2000"))
        #expect(lines.count { $0.contains("iteration ") && $0.contains(" of 2000") } == 6)
        let junit = JUnitReport(hostname: "ci").render(run)
        #expect(junit.contains("… 1994 more iterations passed (not listed)"))
        #expect(junit.contains("<property name=\"connections.unlisted\" value=\"7\"/>"))
    }

    @Test("HTML: a row for the unlisted iterations after the third, and how many unconsumed CALLs are not listed")
    func html() throws {
        let html = HTMLReport().render(run)
        let summary = try #require(html.range(of: "1994 more iterations passed (not listed)"))
        let third = try #require(html.range(of: "iteration 3 of 2000"))
        let next = try #require(html.range(of: "iteration 1998 of 2000"))
        #expect(third.upperBound < summary.lowerBound && summary.upperBound < next.lowerBound)
        #expect(html.contains("50 more, not listed (the first 100 are)."))
        #expect(html.contains("7 more connections, between the first and the last"))
    }

    @Test("JSON: unlistedChildren says where and how many; unlistedUnconsumedCalls the CALLs beyond those listed")
    func json() throws {
        let document = try JSONParser(maxDepth: 128).parse(JSONReport().render(run))
        let scenario = try #require(document["stations"]?[0]?["scenarios"]?[0])
        let loop = try #require(scenario["steps"]?.arrayValue?.last)
        #expect(loop["unlistedChildren"] == ["after": 3, "count": 1994])
        #expect(loop["children"]?.arrayValue?.count == 6)
        #expect(loop["children"]?[0]?["unlistedChildren"] == .null)
        #expect(scenario["unconsumedCalls"]?.arrayValue?.count == 100)
        #expect(scenario["unlistedUnconsumedCalls"] == .integer(50))
        #expect(document["stations"]?[0]?["unlistedConnections"] == .integer(7))
    }
}
