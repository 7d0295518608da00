public import OCPP

/// What a run was asked to do: the command line's choices, without secrets (passwords and keys stay in the listener
/// configuration), so the result can carry them into reports.
public struct RunOptions: Sendable, Hashable {
    /// Where stations come from.
    public enum StationSource: Sendable, Hashable {
        /// The built-in emulator against the runner's own loopback listeners (`--station emulator`, the default).
        case emulator
        /// Live stations connecting to these listener URLs (`--listen`).
        case live(listeners: [String])
    }

    /// The scenario, suite and folder paths given.
    public var paths: [String]
    public var stationSource: StationSource
    /// `--wait`: how long to wait for stations to connect; `nil` waits for ever (until Ctrl-C).
    public var wait: Duration?
    /// `--only`, `--skip`, `--tags`: scenario selection by id (patterns ending in `*` select a prefix) and tag.
    public var only: [String]
    public var skip: [String]
    public var tags: [String]
    /// `--set name=value`: overrides of `given` variables.
    public var overrides: [String: JSONValue]
    /// `--station-id`: only this identity is served.
    public var stationIdentity: String?
    /// `--stations N`: how many stations to wait for before starting.
    public var stationCount: Int
    /// `--non-interactive`: no operator; scenarios that need one are SKIPPED (unless a hook acts).
    public var nonInteractive: Bool
    /// `--action-hook`: the command run for each physical act.
    public var actionHook: String?
    /// `--time-scale`: run time per real time (emulator only); `infinity` for `--time-scale max` (a ``VirtualClock``).
    public var timeScale: Double
    /// `--profile`: the station profile file.
    public var profilePath: String?
    /// `--lenient`: payload validation mode.
    public var validationMode: ValidationMode
    /// `--trace`: the JSON-lines trace file.
    public var tracePath: String?
    /// `--limit NAME=VALUE`: what a station and the run may use.
    public var limits: RunLimits

    public init(paths: [String] = [], stationSource: StationSource = .emulator, wait: Duration? = nil, only: [String] = [],
                skip: [String] = [], tags: [String] = [], overrides: [String: JSONValue] = [:],
                stationIdentity: String? = nil, stationCount: Int = 1, nonInteractive: Bool = false,
                actionHook: String? = nil, timeScale: Double = 1, profilePath: String? = nil,
                validationMode: ValidationMode = .strict, tracePath: String? = nil, limits: RunLimits = RunLimits()) {
        self.paths = paths
        self.stationSource = stationSource
        self.wait = wait
        self.only = only
        self.skip = skip
        self.tags = tags
        self.overrides = overrides
        self.stationIdentity = stationIdentity
        self.stationCount = stationCount
        self.nonInteractive = nonInteractive
        self.actionHook = actionHook
        self.timeScale = timeScale
        self.profilePath = profilePath
        self.validationMode = validationMode
        self.tracePath = tracePath
        self.limits = limits
    }
}
