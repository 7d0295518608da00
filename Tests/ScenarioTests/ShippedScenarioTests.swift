import Scenario
import Testing

@Suite("Shipped scenarios")
struct ShippedScenarioTests {
    @Test("every file under scenarios/ loads without diagnostics", arguments: RepositoryPaths.scenarioFiles())
    func loadsCleanly(_ path: String) {
        let result = ScenarioLoader().load(paths: [path])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.files.first == path)
    }

    @Test func thereAreShippedScenarios() {
        #expect(RepositoryPaths.scenarioFiles().count >= 5)
    }

    @Test func exampleSuiteHoldsItsScenariosAndRules() throws {
        let result = ScenarioLoader().load(paths: [RepositoryPaths.scenarios + "/examples/suite.yaml"])
        let suite = try #require(result.suites.first)
        #expect(suite.scenarios.map(\.metadata.id) == ["examples.remote-start", "examples.meter-values", "examples.reset"])
        #expect(suite.rules.map(\.name) == ["Every example passes", "Core messages exchanged"])
        #expect(suite.optionalMessages == ["DataTransfer"])
    }
}
