import Foundation
import TestSupport

/// A fresh temporary folder of scenario files for one test, removed by `remove()`.
struct ScenarioFiles {
    private let directory: TemporaryDirectory
    /// The folder's path.
    var folder: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory(prefix: "chargecheck-testing-tests")
    }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try directory.write(name, text)
    }

    func remove() {
        directory.remove()
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
