/// Which scenarios cover which compliance cases: each case of the catalog with the scenarios whose tags name it, and
/// the `TC_` tags that name no case of the catalog (typos to fix).
public struct CoverageMatrix: Sendable, Hashable {
    /// A scenario as the matrix shows it.
    public struct ScenarioReference: Sendable, Hashable {
        /// The scenario's `id:`.
        public var id: String
        /// The scenario file, relative to the root given to ``init(scenarios:catalog:relativeTo:)``.
        public var file: String
        /// Whether the scenario is tagged ``CoverageMatrix/liveOnlyTag``: written, but not exercised by the emulator.
        public var liveOnly: Bool

        public init(id: String, file: String, liveOnly: Bool) {
            self.id = id
            self.file = file
            self.liveOnly = liveOnly
        }
    }

    /// One case and the scenarios that carry its id.
    public struct Row: Sendable, Hashable {
        public var module: ComplianceModule
        public var complianceCase: ComplianceCase
        public var scenarios: [ScenarioReference]

        /// Whether at least one scenario carries the case id.
        public var isCovered: Bool { !scenarios.isEmpty }
    }

    /// A `TC_` tag that is not a case id of the catalog.
    public struct UnknownTag: Sendable, Hashable {
        public var tag: String
        public var scenario: ScenarioReference
    }

    /// The tag of scenarios that need a station capability the emulator lacks: they run against live stations and
    /// come out NOT_APPLICABLE against the emulator. Their descriptions say what is missing.
    public static let liveOnlyTag = "live-only"

    /// One row per case, in catalog order.
    public var rows: [Row]
    /// Tags that look like case ids but are not in the catalog.
    public var unknownTags: [UnknownTag]
    /// The scenarios tagged ``liveOnlyTag``, in the order given.
    public var liveOnly: [LiveOnlyScenario]

    /// A scenario the emulator cannot exercise yet, with its description (which says what it needs).
    public struct LiveOnlyScenario: Sendable, Hashable {
        public var reference: ScenarioReference
        public var description: String
    }

    /// The matrix of `scenarios` against `catalog`; file paths are shown relative to `root` when they lie below it.
    public init(scenarios: [Scenario], catalog: [ComplianceModule] = ComplianceCatalog.ocpp16ChargePoint, relativeTo root: String? = nil) {
        let known = Set(catalog.flatMap(\.cases).map(\.id))
        var byCase: [String: [ScenarioReference]] = [:]
        var unknown: [UnknownTag] = []
        var live: [LiveOnlyScenario] = []
        for scenario in scenarios where scenario.kind == .scenario {
            let reference = ScenarioReference(
                id: scenario.metadata.id, file: Self.relative(scenario.file, to: root),
                liveOnly: scenario.metadata.tags.contains(Self.liveOnlyTag))
            for tag in scenario.metadata.complianceCases {
                if known.contains(tag) { byCase[tag, default: []].append(reference) } else { unknown.append(UnknownTag(tag: tag, scenario: reference)) }
            }
            if reference.liveOnly { live.append(LiveOnlyScenario(reference: reference, description: scenario.metadata.description ?? "")) }
        }
        rows = catalog.flatMap { module in
            module.cases.map { Row(module: module, complianceCase: $0, scenarios: byCase[$0.id] ?? []) }
        }
        unknownTags = unknown
        liveOnly = live
    }

    /// How many cases at least one scenario covers.
    public var coveredCount: Int { rows.filter(\.isCovered).count }

    /// How many cases the catalog has.
    public var totalCount: Int { rows.count }

    /// The ids of the cases no scenario covers, in catalog order.
    public var uncovered: [String] { rows.filter { !$0.isCovered }.map(\.complianceCase.id) }

    private static func relative(_ file: String, to root: String?) -> String {
        guard let root, !root.isEmpty else { return file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}
