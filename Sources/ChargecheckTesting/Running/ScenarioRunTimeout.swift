/// A run that did not finish within its real-time limit (it was cancelled: steps in progress ended interrupted).
public struct ScenarioRunTimeout: Error, CustomStringConvertible {
    /// The limit that passed.
    public let limit: Duration

    public var description: String { "the run did not finish within \(limit) of real time" }
}
