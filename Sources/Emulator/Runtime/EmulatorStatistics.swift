/// What an emulated station has done so far, for the fleet summary.
public struct EmulatorStatistics: Sendable, Equatable {
    /// Connections opened.
    public var connections = 0
    /// Connection attempts that failed.
    public var connectFailures = 0
    /// CALLs sent, by action.
    public var sent: [String: Int] = [:]
    /// CALLs of the central system received, by action.
    public var received: [String: Int] = [:]
    /// CALLs of the station that got a CALLERROR, timed out or lost their connection.
    public var failedCalls = 0

    public init() {}

    /// CALLs sent in all.
    public var totalSent: Int { sent.values.reduce(0, +) }
    /// CALLs received in all.
    public var totalReceived: Int { received.values.reduce(0, +) }
}
