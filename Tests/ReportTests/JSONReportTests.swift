import Foundation
import OCPP
@testable import Report
import Runner
import Testing

@Suite("JSON report")
struct JSONReportTests {
    /// Whether Python's `jsonschema` package can validate (`python3 -c 'import jsonschema'`).
    static let jsonschemaAvailable: Bool = {
        guard let python = ExternalTool("python3"), let result = try? python.run(["-c", "import jsonschema"]) else {
            return false
        }
        return result.status == 0
    }()

    @Test("the document reads back with the version, verdicts and the failing step's diff")
    func content() throws {
        let text = JSONReport().render(Fixtures.failing)
        let document = try JSONParser(maxDepth: 128).parse(text)
        #expect(document["version"] == .integer(JSONReport.formatVersion))
        #expect(document["passed"] == .bool(false))
        #expect(document["exitCode"] == .integer(1))
        #expect(document["verdictCounts"]?["FAIL"] == .integer(2))
        let station = try #require(document["stations"]?[0])
        #expect(station["identity"] == .string(SampleRun.station))
        let scenarios = try #require(station["scenarios"]?.arrayValue)
        let meterValues = try #require(scenarios.first { $0["id"] == .string("ev24.meter-values") })
        #expect(meterValues["verdict"] == .string("FAIL"))
        let failedStep = try #require(meterValues["steps"]?.arrayValue?.first { $0["outcome"] == .string("failed") })
        #expect(failedStep["location"]?["file"] == .string("scenarios/ev24/meter-values.yaml"))
        #expect(failedStep["failure"]?["mismatches"]?[0]
                == ["path": "/transactionId", "wanted": "1001", "got": "absent"])
        #expect(station["trace"]?.arrayValue?.count == Fixtures.failing.stations[0].trace.count)
        let coverage = try #require(station["suites"]?[0]?["messages"]?.arrayValue)
        #expect(coverage.first { $0["action"] == .string("MeterValues") }?["valid"] == .bool(false))
    }

    @Test("trace records keep the trace file's line format")
    func traceRecords() throws {
        let run = Fixtures.passing
        let document = JSONReport().value(of: run)
        #expect(document["stations"]?[0]?["trace"]?[1] == run.stations[0].trace[1].jsonValue)
    }

    @Test("station text round-trips unchanged")
    func hostileText() throws {
        let document = try JSONParser(maxDepth: 128).parse(JSONReport().render(Fixtures.hostileRun))
        #expect(document["stations"]?[0]?["bootNotification"]?["chargePointVendor"] == .string(Fixtures.hostile))
    }

    @Test("every document is valid against docs/report-schema.json",
          .enabled(if: jsonschemaAvailable, "Python's jsonschema package is not installed"),
          arguments: ["passing", "failing", "hostile", "interrupted", "no station", "summarised"])
    func validAgainstSchema(name: String) throws {
        let run = switch name {
        case "passing": Fixtures.passing
        case "failing": Fixtures.failing
        case "hostile": Fixtures.hostileRun
        case "interrupted": Fixtures.interruptedRun
        case "summarised": Fixtures.summarisedRun
        default: Fixtures.noStationRun
        }
        let directory = try TemporaryDirectory()
        let file = try directory.write(JSONReport().render(run), to: "report.json")
        let python = try #require(ExternalTool("python3"))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            errors = sorted(validator.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
            for error in errors[:10]: print("/".join(map(str, error.path)), error.message)
            sys.exit(1 if errors else 0)
            """
        let result = try python.run(["-c", script, RepositoryFile.path("docs/report-schema.json"), file])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("the schema rejects a document that breaks it",
          .enabled(if: jsonschemaAvailable, "Python's jsonschema package is not installed"))
    func schemaCatchesDrift() throws {
        var document = try #require(JSONReport().value(of: Fixtures.passing).objectValue)
        document["version"] = "one"
        let directory = try TemporaryDirectory()
        let file = try directory.write(JSONValue.object(document).jsonText, to: "report.json")
        let python = try #require(ExternalTool("python3"))
        let result = try python.run(["-c", """
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
            """, RepositoryFile.path("docs/report-schema.json"), file])
        #expect(result.status != 0)
        #expect(result.output.contains("'one'"))
    }
}
