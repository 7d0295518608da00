import Foundation
import OCPP
import Runner

/// One JUnit `testsuite`: the scenarios of one suite on one station, with the suite's verdict rules.
struct JUnitSuite {
    /// One `testcase`.
    struct Case {
        var name: String
        var classname: String
        var time: TimeInterval
        var outcome: JUnitCaseOutcome
    }

    var name: String
    var package: String
    var started: Date
    var time: TimeInterval
    var properties: [(name: String, value: String)]
    var cases: [Case]
    var systemOut: [String]
    var systemErr: [String]

    /// The suites of one station: one per `suiteId` in the order the scenarios ran, plus suites that judged no
    /// scenario of their own.
    static func suites(of station: StationResult) -> [JUnitSuite] {
        var order: [String?] = []
        for scenario in station.scenarios where !order.contains(scenario.suiteId) { order.append(scenario.suiteId) }
        for verdict in station.suites where !order.contains(verdict.suiteId) { order.append(verdict.suiteId) }
        return order.map { suiteId in
            let scenarios = station.scenarios.filter { $0.suiteId == suiteId }
            return JUnitSuite(station: station, suiteId: suiteId, scenarios: scenarios,
                              verdict: station.suites.first { $0.suiteId == suiteId })
        }
    }

    private init(station: StationResult, suiteId: String?, scenarios: [ScenarioResult], verdict: SuiteVerdict?) {
        let suiteName = suiteId ?? "scenarios"
        let classname = "\(station.identity).\(suiteName)"
        let started = scenarios.map(\.started).min() ?? station.trace.first?.time ?? Date(timeIntervalSince1970: 0)
        let ended = scenarios.map(\.ended).max() ?? started
        name = "\(suiteName) on \(station.identity)"
        package = "chargecheck.\(station.identity)"
        self.started = started
        time = ended.timeIntervalSince(started)
        properties = Self.properties(of: station, suiteId: suiteId, verdict: verdict)
        cases = scenarios.map { scenario in
            Case(name: "\(scenario.id): \(scenario.name)", classname: classname, time: scenario.duration,
                 outcome: JUnitCaseOutcome(scenario))
        }
        cases += (verdict?.rules ?? []).map { rule in
            Case(name: "verdict: \(rule.name)", classname: classname, time: 0,
                 outcome: rule.passed ? .passed : .failure(type: "VERDICT", message: "\(rule.location): \(rule.detail)",
                                                          body: "\(rule.location): \(rule.kind) rule \"\(rule.name)\" does not hold: \(rule.detail)"))
        }
        systemOut = scenarios.flatMap { scenario in
            var lines = ["== \(scenario.id) \(scenario.verdict.rawValue) (\(NumberText.seconds(scenario.duration)) s) \(scenario.location)"]
            if let reason = scenario.reason { lines.append("   \(reason)") }
            lines += StepText.timings(scenario.steps)
            if let range = scenario.traceRange {
                lines.append("  trace #\(range.lowerBound)…#\(range.upperBound):")
                lines += TraceText.excerpt(station.trace(in: range), since: scenario.started).map { "    \($0)" }
            }
            return lines + [""]
        }
        systemErr = station.findings.map(\.description)
    }

    /// A suite for problems of the run itself (no station, a listener that could not open).
    static func runProblems(_ result: RunResult) -> JUnitSuite {
        let errors = result.errors.isEmpty ? ["no station connected"] : result.errors
        let message = errors.joined(separator: "; ")
        return JUnitSuite(
            name: "chargecheck", package: "chargecheck", started: result.started,
            time: result.ended.timeIntervalSince(result.started), properties: [],
            cases: [Case(name: "run", classname: "chargecheck", time: result.ended.timeIntervalSince(result.started),
                         outcome: .error(type: "RUN", message: message, body: errors.joined(separator: "\n")))],
            systemOut: result.handshakeRejections.map { "handshake refused: \($0)" }, systemErr: [])
    }

    private init(name: String, package: String, started: Date, time: TimeInterval,
                 properties: [(name: String, value: String)], cases: [Case], systemOut: [String], systemErr: [String]) {
        self.name = name
        self.package = package
        self.started = started
        self.time = time
        self.properties = properties
        self.cases = cases
        self.systemOut = systemOut
        self.systemErr = systemErr
    }

    private static func properties(of station: StationResult, suiteId: String?, verdict: SuiteVerdict?)
        -> [(name: String, value: String)] {
        var properties: [(name: String, value: String)] = [("station", station.identity)]
        if let suiteId { properties.append(("suite", suiteId)) }
        if let verdict { properties.append(("suite.verdict", verdict.passed ? "PASS" : "FAIL")) }
        for key in ["chargePointVendor", "chargePointModel", "chargePointSerialNumber", "firmwareVersion"] {
            if let value = station.bootNotification?[key]?.stringValue { properties.append((key, value)) }
        }
        for (index, connection) in station.connections.enumerated() {
            properties.append(("connection.\(index + 1)", "\(connection.security) from \(connection.peer)"))
        }
        if station.unlistedConnections > 0 { properties.append(("connections.unlisted", "\(station.unlistedConnections)")) }
        return properties
    }

    // MARK: - XML

    func markup(id: Int, hostname: String, interrupted: Bool) -> Markup {
        let failures = cases.count { if case .failure = $0.outcome { true } else { false } }
        let errors = cases.count { if case .error = $0.outcome { true } else { false } }
        let skipped = cases.count { if case .skipped = $0.outcome { true } else { false } }
        var allProperties = properties
        if interrupted { allProperties.append(("interrupted", "true")) }
        let propertyElements = allProperties.map { property -> Markup in
            "    <property name=\"\(attribute: property.name)\" value=\"\(attribute: property.value)\"/>\n"
        }
        return """
              <testsuite package="\(attribute: package)" id="\(id)" name="\(attribute: name)" \
            timestamp="\(NumberText.junitTimestamp(started))" hostname="\(attribute: hostname)" tests="\(cases.count)" \
            failures="\(failures)" errors="\(errors)" skipped="\(skipped)" time="\(NumberText.seconds(time))">
                <properties>
            \(propertyElements)    </properties>
            \(cases.map(Self.markup(of:)))    <system-out>\(systemOut.joined(separator: "\n"))</system-out>
                <system-err>\(systemErr.joined(separator: "\n"))</system-err>
              </testsuite>
            """
    }

    private static func markup(of testCase: Case) -> Markup {
        let open: Markup = """
                <testcase name="\(attribute: testCase.name)" classname="\(attribute: testCase.classname)" \
            time="\(NumberText.seconds(testCase.time))"
            """
        switch testCase.outcome {
        case .passed:
            return open + "/>\n"
        case .failure(let type, let message, let body):
            return open + ">\n      <failure type=\"\(attribute: type)\" message=\"\(attribute: message)\">\(body)</failure>\n    </testcase>\n"
        case .error(let type, let message, let body):
            return open + ">\n      <error type=\"\(attribute: type)\" message=\"\(attribute: message)\">\(body)</error>\n    </testcase>\n"
        case .skipped(let message, let body) where body.isEmpty:
            return open + ">\n      <skipped message=\"\(attribute: message)\"/>\n    </testcase>\n"
        case .skipped(let message, let body):
            return open + ">\n      <skipped message=\"\(attribute: message)\">\(body)</skipped>\n    </testcase>\n"
        }
    }
}
