import ChargecheckTesting
import Foundation
import Testing

/// Loading folders into test cases: descriptions, selection, and broken input as failing cases.
@Suite("ScenarioFolder: loading scenarios as test cases")
struct ScenarioFolderTests {
    @Test func aFolderGivesOneCasePerScenarioNamedByItsScenario() throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        try files.write("a/passing.yaml", ScenarioFiles.passing)
        try files.write("b/failing.yaml", ScenarioFiles.failing)
        let cases = ScenarioFolder.load(files.folder, selection: .all)
        #expect(cases.map(\.id).sorted() == ["t.failing", "t.passing"])
        let passing = try #require(cases.first { $0.id == "t.passing" })
        #expect(passing.testDescription == "Connectors reported (t.passing) [fast, core]")
        #expect(passing.tags == ["fast", "core"])
    }

    @Test func aBrokenFileIsACaseOfItsOwnWithItsDiagnostics() throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        try files.write("passing.yaml", ScenarioFiles.passing)
        let broken = try files.write("broken.yaml", ScenarioFiles.broken)
        let cases = ScenarioFolder.load(files.folder, selection: .all)
        #expect(cases.count == 2)
        let failing = try #require(cases.first { $0.id == broken })
        #expect(failing.testDescription == "cannot load \(broken)")
        guard case .unloadable(let diagnostics) = failing.content else {
            Issue.record("the broken file should be an unloadable case, not \(failing.content)")
            return
        }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.file == broken)
        #expect((diagnostic.location.line, diagnostic.location.column) == (4, 5))
    }

    @Test("a path without scenarios is a failing case", arguments: ["missing", "empty"])
    func pathWithoutScenarios(_ name: String) throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        try FileManager.default.createDirectory(atPath: files.folder + "/empty", withIntermediateDirectories: true)
        let path = files.folder + "/" + name
        let cases = ScenarioFolder.load(path, selection: .all)
        let only = try #require(cases.count == 1 ? cases.first : nil, "one failing case, got \(cases)")
        guard case .unloadable(let diagnostics) = only.content else {
            Issue.record("expected an unloadable case, got \(only.content)")
            return
        }
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics.first?.location.file == path)
    }

    @Test func relativePathsStartFromTheCallingFilesFolder() throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        try files.write("scenarios/passing.yaml", ScenarioFiles.passing)
        let cases = ScenarioFolder.load("scenarios", relativeTo: files.folder + "/MyTests.swift", selection: .all)
        #expect(cases.map(\.id) == ["t.passing"])
    }

    @Test func selectionLeavesOutScenariosWithoutFailing() throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        try files.write("passing.yaml", ScenarioFiles.passing)
        try files.write("failing.yaml", ScenarioFiles.failing)
        #expect(ScenarioFolder.load(files.folder, selection: ScenarioSelection(["core"])).map(\.id) == ["t.passing"])
        #expect(ScenarioFolder.load(files.folder, selection: ScenarioSelection(["nothing-matches"])).isEmpty)
    }

    @Test("selection terms: id, name, tag, id prefix", arguments: [
        ("t.passing", true), ("Connectors reported", true), ("core", true), ("t.*", true),
        ("t.pass", false), ("connectors reported", false), ("x.*", false),
    ])
    func selectionTerm(_ term: String, selects: Bool) {
        #expect(ScenarioSelection([term]).selects(id: "t.passing", name: "Connectors reported", tags: ["fast", "core"]) == selects)
    }

    @Test func noTermsSelectEverything() {
        #expect(ScenarioSelection.all.selects(id: "any", name: "Any", tags: []))
    }
}

extension ScenarioFolderTests {
    @Test func aScenarioUsingABrokenFixtureDoesNotRunTheFixtureFails() throws {
        let files = try ScenarioFiles()
        defer { files.remove() }
        let fixture = try files.write("fixtures/bad.yaml", """
            fixture: Bad fixture
            steps:
              - expect: NoSuchAction
            """)
        try files.write("user.yaml", """
            scenario: Uses a bad fixture
            id: t.user
            uses: fixtures/bad.yaml
            steps:
              - log: hello
            """)
        let cases = ScenarioFolder.load(files.folder + "/user.yaml", selection: .all)
        #expect(cases.map(\.id) == [fixture])
    }
}
