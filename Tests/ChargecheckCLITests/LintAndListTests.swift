import ChargecheckCLI
import Foundation
import Testing

@Suite("lint and list")
struct LintAndListTests {
    private func run(_ arguments: [String]) async -> (code: Int32, output: String, error: String) {
        let captured = CapturedConsole()
        let code = await Chargecheck.main(arguments, console: captured.console)
        return (code, captured.output, captured.error)
    }

    private static let good = """
        scenario: Good
        id: good
        tags: [core, TC_001_CS]
        requires: {security: ws, messages: [BootNotification], connectors: 1}
        steps:
          - expect: BootNotification
            reply: {status: Accepted, currentTime: "${now()}", interval: 60}
        """

    private static let bad = """
        scenario: Bad
        stesp:
          - expect: Heartbeat
            within: 30
        """

    @Test func cleanFolderExitsZero() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("good.yaml", Self.good)
        let result = await run(["lint", folder.path])
        #expect(result.code == 0)
        #expect(result.output == "1 file checked: 0 errors, 0 warnings\n")
    }

    @Test func errorsArePrintedCompilerStyleAndExitOne() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("bad.yaml", Self.bad)
        let result = await run(["lint", file])
        #expect(result.code == 1)
        #expect(result.output == """
            \(file):1:1: error: a scenario needs 'steps:'
            \(file):2:1: error: unknown key 'stesp' in a scenario
            \(file):2:1: note: did you mean 'steps'?
            1 file checked: 2 errors, 0 warnings

            """)
    }

    @Test func jsonFormatCarriesEveryField() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("bad.yaml", Self.bad)
        let result = await run(["lint", "--format", "json", file])
        #expect(result.code == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 2)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics[1]["line"] as? Int == 2)
        #expect(diagnostics[1]["column"] as? Int == 1)
        #expect(diagnostics[1]["severity"] as? String == "error")
        #expect(diagnostics[1]["hint"] as? String == "did you mean 'steps'?")
    }

    @Test func missingPathIsAnError() async {
        let result = await run(["lint", "/nonexistent/chargecheck.yaml"])
        #expect(result.code == 1)
        #expect(result.output.hasPrefix("/nonexistent/chargecheck.yaml:1:1: error: cannot read the file: no such file"))
    }

    @Test func listShowsIdsTagsMessagesAndPrerequisites() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("good.yaml", Self.good)
        let result = await run(["list", file])
        #expect(result.code == 0)
        #expect(result.output == """
            good  Good
                file: \(file)
                tags: core, TC_001_CS
                messages: BootNotification
                connection: ws
                requires: at least 1 connector

            1 scenario, 0 suites

            """)
        let json = await run(["list", "--format", "json", file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let scenario = try #require((object["scenarios"] as? [[String: Any]])?.first)
        #expect(scenario["complianceCases"] as? [String] == ["TC_001_CS"])
        #expect(scenario["connection"] as? String == "ws")
        #expect(scenario["requiredMessages"] as? [String] == ["BootNotification"])
    }

    @Test func listReportsLoadErrorsOnStandardError() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("bad.yaml", Self.bad)
        let result = await run(["list", file])
        #expect(result.code == 1)
        #expect(result.error.hasPrefix("\(file):1:1: error: a scenario needs 'steps:'"))
    }
}
