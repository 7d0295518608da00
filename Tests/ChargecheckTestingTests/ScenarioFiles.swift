import Foundation

/// A fresh temporary folder of scenario files for one test, removed by `remove()`.
struct ScenarioFiles {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "chargecheck-testing-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A scenario the emulator passes: it reports its connectors.
    static let passing = """
        scenario: Connectors reported
        id: t.passing
        tags: [fast, core]
        steps:
          - send: GetConfiguration
            with: { key: [NumberOfConnectors] }
            match: { configurationKey: { $contains: [{ key: NumberOfConnectors }] } }
        """

    /// A scenario the emulator fails at line 5, column 5: it has 2 connectors, not 99.
    static let failing = """
        scenario: Ninety-nine connectors
        id: t.failing
        tags: [fast]
        steps:
          - send: GetConfiguration
            with: { key: [NumberOfConnectors] }
            match: { configurationKey: { $contains: [{ key: NumberOfConnectors, value: "99" }] } }
        """

    /// A scenario with an unknown step verb at line 4, column 5.
    static let broken = """
        scenario: Broken
        id: t.broken
        steps:
          - sendd: GetConfiguration
        """
}
