import Foundation
import Scenario
import Testing

/// The bad-input corpus: each `Corpus/NAME.yaml` must produce exactly the diagnostics in `Corpus/NAME.expected`
/// (paths relative to the corpus folder), and nothing may crash, hang or overflow the stack.
@Suite("Bad-input corpus")
struct CorpusTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.corpus)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// Loads `path` and renders its diagnostics with `folder + "/"` removed from file names.
    static func diagnostics(of path: String, relativeTo folder: String) -> String {
        ScenarioLoader().load(paths: [path]).diagnostics
            .map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
            .joined(separator: "\n")
    }

    @Test("each broken file gives exactly its expected diagnostics", arguments: cases)
    func expectedDiagnostics(_ name: String) throws {
        let expectedPath = RepositoryPaths.corpus + "/" + name.dropLast(".yaml".count) + ".expected"
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(!expected.isEmpty, "a corpus file must produce at least one diagnostic")
        #expect(Self.diagnostics(of: RepositoryPaths.corpus + "/" + name, relativeTo: RepositoryPaths.corpus) == expected)
    }

    @Test func corpusHasAtLeastFortyFiles() {
        #expect(Self.cases.count >= 40)
    }

    @Test func tenMegabyteFileIsRefusedWithoutReadingIt() throws {
        let folder = NSTemporaryDirectory() + "chargecheck-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let line = "# " + String(repeating: "x", count: 1_021) + "\n"
        try String(repeating: line, count: 10 * 1_024).write(toFile: folder + "/huge.yaml", atomically: true, encoding: .utf8)
        #expect(Self.diagnostics(of: folder + "/huge.yaml", relativeTo: folder) == "huge.yaml:1:1: error: file is 10.0 MiB; scenario files are limited to 1.0 MiB")
    }

    @Test func tenThousandLevelsOfNestingIsAnError() throws {
        let folder = NSTemporaryDirectory() + "chargecheck-corpus-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let deepFlow = "scenario: deep\nsteps:\n  - send: Reset\n    with: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        try deepFlow.write(toFile: folder + "/deep-flow.yaml", atomically: true, encoding: .utf8)
        #expect(Self.diagnostics(of: folder + "/deep-flow.yaml", relativeTo: folder) == "deep-flow.yaml:4:72: error: nesting is deeper than 64 levels; flatten the document")
        var deepBlock = "scenario: deep\nsteps:\n"
        for level in 0..<200 { deepBlock += String(repeating: " ", count: 2 + level * 2) + "- \n" }
        try deepBlock.write(toFile: folder + "/deep-block.yaml", atomically: true, encoding: .utf8)
        #expect(Self.diagnostics(of: folder + "/deep-block.yaml", relativeTo: folder) == "deep-block.yaml:66:129: error: nesting is deeper than 64 levels; flatten the document")
    }

    @Test func deeplyNestedGroupsAreBounded() throws {
        var text = "scenario: nested groups\nsteps:\n"
        for level in 0..<20 { text += String(repeating: " ", count: 2 + level * 4) + "- any-order:\n" }
        text += String(repeating: " ", count: 2 + 20 * 4) + "- wait: 1s\n"
        let result = ScenarioLoader().load(text: text, file: "groups.yaml")
        #expect(result.errors.map(\.description) == ["groups.yaml:20:71: error: groups are nested more than 16 levels deep"])
    }
}
