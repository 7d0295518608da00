import Foundation
import OCPP
import Runner

/// A run as JUnit XML, as Jenkins, GitLab and GitHub test reporters read it, valid against the Ant/Jenkins
/// `junit-4.xsd` schema (`docs/junit-4.xsd`).
///
/// One `testsuite` per suite and station (scenarios run on their own form a `scenarios` suite), one `testcase` per
/// scenario and one per suite verdict rule. Failures carry the scenario's file:line:column and the diff; the step
/// timings and each scenario's trace excerpt go to the suite's `system-out`, the station's protocol findings to
/// `system-err` (the schema allows neither inside a `testcase`). Problems of the run itself (no station came) form a
/// `chargecheck` suite with an erring `run` testcase, so CI never sees an empty, green report.
public struct JUnitReport: Sendable {
    /// The `hostname` attribute of every testsuite.
    public var hostname: String

    public init(hostname: String = ProcessInfo.processInfo.hostName) {
        self.hostname = hostname.isEmpty ? "localhost" : hostname
    }

    /// The XML document.
    public func render(_ result: RunResult) -> String {
        var suites = result.stations.flatMap(JUnitSuite.suites(of:))
        if !result.errors.isEmpty || result.stations.isEmpty {
            suites.append(JUnitSuite.runProblems(result))
        }
        let elements = suites.enumerated().map { index, suite in
            suite.markup(id: index, hostname: hostname, interrupted: result.interrupted)
        }
        let document: Markup = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
            \(Markup(joining: elements, separator: "\n"))
            </testsuites>

            """
        return document.description
    }
}
