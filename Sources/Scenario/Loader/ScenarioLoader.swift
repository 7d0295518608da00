public import OCPP
public import YAML

/// Loads scenario, fixture and suite files into checked ASTs, reporting every problem with its location.
///
/// ```swift
/// let result = ScenarioLoader().load(paths: ["scenarios/ev24"])
/// for diagnostic in result.diagnostics { print(diagnostic) }   // file:line:column: error: message
/// ```
public struct ScenarioLoader: Sendable {
    /// Checks actions and payload fields against this catalog (OCPP 1.6 by default); `nil` skips those checks.
    public var catalog: OCPPCatalog?
    /// Bounds on each file's size, nesting and alias expansion.
    public var limits: YAMLLimits
    /// Most files and folders walked below one folder (a folder given to load, a suite's `scenarios:` entry or a
    /// suite's own folder); a bigger folder, such as `/`, is an error instead of minutes of walking.
    public var maximumFolderEntries = 100_000

    public init(catalog: OCPPCatalog? = .v16, limits: YAMLLimits = .standard) {
        self.catalog = catalog
        self.limits = limits
    }

    /// Loads files and folders (every `.yaml`/`.yml` below a folder, recursively).
    public func load(paths: [String]) -> LoadResult {
        let session = LoadSession(catalog: catalog, limits: limits, maximumFolderEntries: maximumFolderEntries)
        for path in paths {
            if PathText.isDirectory(path) {
                let location = Location(file: path, line: 1, column: 1)
                guard let files = session.yamlFiles(under: path, at: location) else { continue }
                if files.isEmpty {
                    session.diagnostics.append(.warning("no .yaml files in this folder", at: location))
                }
                for file in files { session.loadTopLevel(file) }
            } else {
                session.loadTopLevel(PathText.normalize(path))
            }
        }
        return session.result()
    }

    /// Loads one document from text, as if read from `file` (includes resolve relative to `file`).
    public func load(text: String, file: String) -> LoadResult {
        let session = LoadSession(catalog: catalog, limits: limits, maximumFolderEntries: maximumFolderEntries)
        session.loadTopLevel(file, bytes: Array(text.utf8))
        return session.result()
    }
}

/// The state of one `load` call: files already loaded (each file once), the include chain, the diagnostics.
final class LoadSession {
    private enum Entry {
        case loading
        case scenario(Scenario)
        case suite(Suite)
        case failed
    }

    let catalog: OCPPCatalog?
    let limits: YAMLLimits
    let maximumFolderEntries: Int
    var diagnostics: [Diagnostic] = []
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    /// Files being loaded, outermost first (for cycle detection): the path as written and its key.
    private var chain: [(path: String, key: String)] = []
    private var keys: [String: String] = [:]

    init(catalog: OCPPCatalog?, limits: YAMLLimits, maximumFolderEntries: Int) {
        self.catalog = catalog
        self.limits = limits
        self.maximumFolderEntries = maximumFolderEntries
    }

    func loadTopLevel(_ file: String, bytes: [UInt8]? = nil) {
        load(file, bytes: bytes)
    }

    /// Loads `file` (once), returning its entry.
    @discardableResult
    private func load(_ file: String, bytes: [UInt8]? = nil) -> Entry {
        let key = self.key(file)
        if let entry = entries[key] { return entry }
        entries[key] = .loading
        order.append(key)
        chain.append((file, key))
        defer { chain.removeLast() }
        let entry = read(file, bytes: bytes)
        entries[key] = entry
        return entry
    }

    private func read(_ file: String, bytes: [UInt8]?) -> Entry {
        let root: YAMLNode
        do throws(YAMLError) {
            if let bytes {
                root = try YAMLParser.parse(bytes, file: file, limits: limits)
            } else {
                root = try YAMLParser.parseFile(atPath: file, limits: limits)
            }
        } catch {
            diagnostics.append(error.diagnostic)
            return .failed
        }
        let reader = DocumentReader(file: file, catalog: catalog)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        PlainYAMLCheck.report(in: root, to: reader)
        let kind = DocumentKind.of(root, reader: reader)
        let defaultID = PathText.stem(file)
        switch kind {
        case .scenario(let scenarioKind):
            guard let scenario = reader.scenario(root, kind: scenarioKind, defaultID: defaultID, include: { path, location in
                self.include(path, from: file, at: location)
            }) else { return .failed }
            return .scenario(scenario)
        case .suite:
            let suite = reader.suite(root, defaultID: defaultID, loadScenarios: { path, location in
                self.suiteEntry(path, from: file, at: location)
            }, folderScenarios: {
                self.folderScenarios(besides: file)
            })
            return suite.map(Entry.suite) ?? .failed
        case nil:
            return .failed
        }
    }

    /// Longest chain of files including one another (keeps the loader's recursion bounded).
    static let maximumIncludeDepth = 32

    /// A `uses:` target: loaded, cycle-checked, and required to be a scenario or fixture.
    private func include(_ path: String, from file: String, at location: Location) -> Scenario? {
        let target = PathText.resolve(path, from: file)
        if chain.count >= Self.maximumIncludeDepth {
            diagnostics.append(.error("includes nest more than \(Self.maximumIncludeDepth) files deep", at: location, hint: "flatten the chain of 'uses:'"))
            return nil
        }
        let targetKey = key(target)
        if let index = chain.firstIndex(where: { $0.key == targetKey }) {
            let cycle = (chain[index...].map(\.path) + [target]).joined(separator: " → ")
            diagnostics.append(.error("include cycle: \(cycle)", at: location, hint: "remove one of these 'uses:'"))
            return nil
        }
        guard PathText.isYAML(target) else {
            diagnostics.append(.error("'\(path)' is not a .yaml file", at: location))
            return nil
        }
        guard entries[targetKey] != nil || (!PathText.isDirectory(target) && FileManagerCheck.exists(target)) else {
            diagnostics.append(.error("included file '\(target)' does not exist", at: location, hint: "paths in 'uses:' are relative to the file that names them"))
            return nil
        }
        switch load(target) {
        case .scenario(let scenario): return scenario
        case .suite:
            diagnostics.append(.error("'\(path)' is a suite; 'uses:' takes a scenario or fixture file", at: location))
            return nil
        case .loading, .failed:
            diagnostics.append(.error("'\(path)' could not be loaded (see its own errors)", at: location))
            return nil
        }
    }

    /// A suite's `scenarios:` entry: a scenario file, or every scenario under a folder.
    private func suiteEntry(_ path: String, from file: String, at location: Location) -> [Scenario] {
        let target = PathText.resolve(path, from: file)
        if PathText.isDirectory(target) {
            return (yamlFiles(under: target, at: location) ?? []).compactMap { candidate in
                if case .scenario(let scenario) = load(candidate), scenario.kind == .scenario { return scenario }
                return nil
            }
        }
        guard FileManagerCheck.exists(target) else {
            diagnostics.append(.error("scenario file '\(target)' does not exist", at: location, hint: "paths in 'scenarios:' are relative to the suite file"))
            return []
        }
        switch load(target) {
        case .scenario(let scenario) where scenario.kind == .scenario: return [scenario]
        case .scenario: diagnostics.append(.error("'\(path)' is a fixture; a suite lists scenarios", at: location))
        case .suite: diagnostics.append(.error("'\(path)' is a suite; suites do not nest", at: location))
        case .loading, .failed: break
        }
        return []
    }

    /// Every scenario in the suite file's folder and below, the suite itself excepted.
    private func folderScenarios(besides suiteFile: String) -> [Scenario] {
        let folder = PathText.resolve(".", from: suiteFile)
        return (yamlFiles(under: folder, at: Location(file: suiteFile, line: 1, column: 1)) ?? []).compactMap { candidate in
            guard key(candidate) != key(suiteFile) else { return nil }
            if case .scenario(let scenario) = load(candidate), scenario.kind == .scenario { return scenario }
            return nil
        }
    }

    /// Every YAML file under `folder`, or nil, reported at `location`, when the folder is too big to walk.
    func yamlFiles(under folder: String, at location: Location) -> [String]? {
        guard let files = PathText.yamlFiles(under: folder, maximumEntries: maximumFolderEntries) else {
            diagnostics.append(.error("folder '\(folder)' holds more than \(maximumFolderEntries) files and folders; it is not a folder of scenarios",
                                      at: location, hint: "name the folder that holds the scenario files"))
            return nil
        }
        return files
    }

    /// The canonical key of a path, computed once per path.
    private func key(_ path: String) -> String {
        if let known = keys[path] { return known }
        let computed = PathText.key(path)
        keys[path] = computed
        return computed
    }

    func result() -> LoadResult {
        var result = LoadResult()
        for key in order {
            switch entries[key] {
            case .scenario(let scenario):
                result.files.append(scenario.file)
                if scenario.kind == .scenario { result.scenarios.append(scenario) } else { result.fixtures.append(scenario) }
            case .suite(let suite):
                result.files.append(suite.file)
                result.suites.append(suite)
            default: break
            }
        }
        var seen: [String: Scenario] = [:]
        for scenario in result.scenarios {
            if let first = seen[scenario.metadata.id] {
                diagnostics.append(.error("scenario id '\(scenario.metadata.id)' is already used by \(first.file)", at: scenario.location, hint: "give each scenario its own 'id:'"))
            } else {
                seen[scenario.metadata.id] = scenario
            }
        }
        result.diagnostics = Self.sorted(diagnostics)
        return result
    }

    /// Diagnostics by file, line, column; duplicates (the same problem reached twice) removed.
    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
