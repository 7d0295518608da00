public import OCPP
public import YAML

/// Something that follows a run as it goes (the live console, a test). Called from many tasks; implementations
/// must be quick and thread-safe.
public protocol RunObserver: Sendable {
    func handle(_ event: RunEvent)
}

/// What happens during a run, as it happens.
public enum RunEvent: Sendable {
    /// Listeners are open; stations should connect to these URLs (`<identity>` appended).
    case waitingForStations(urls: [String], count: Int, wait: Duration?)
    /// A station connected (or reconnected).
    case stationConnected(identity: String, connection: ConnectionRecord)
    /// A station's connection closed.
    case stationDisconnected(identity: String, reason: String)
    /// A listener refused a handshake.
    case handshakeRejected(String)
    /// A scenario starts on a station (`index` of `total`, 1-based).
    case scenarioStarted(station: String, id: String, name: String, index: Int, total: Int)
    /// A step starts; `waitsUpTo` is its bound in real time, for a countdown.
    case stepStarted(station: String, verb: String, name: String?, location: Location, waitsUpTo: Duration?)
    /// A step ended.
    case stepFinished(station: String, result: StepResult)
    /// A scenario ended.
    case scenarioFinished(station: String, result: ScenarioResult)
    /// The station sent a CALL (for live panels: connector states, meter readings).
    case callReceived(station: String, action: String, payload: JSONValue)
    /// An operator is asked to act.
    case operatorPrompt(station: String, prompt: String, within: Duration)
    /// The run ended.
    case runFinished(RunResult)
}

/// An observer that ignores everything.
public struct SilentObserver: RunObserver {
    public init() {}
    public func handle(_ event: RunEvent) {}
}
