/// The timers the station model asks its runtime to run; when one expires the runtime calls
/// `StationModel.timerFired(_:now:)`.
enum StationTimer: Hashable, Sendable {
    case heartbeat
    case bootRetry
    /// Periodic meter values of a connector's transaction (MeterValueSampleInterval).
    case meterSample(connector: Int)
    /// Clock-aligned meter values of all connectors (ClockAlignedDataInterval).
    case clockAligned
    case reservationExpiry(connector: Int)
    /// An authorized driver did not plug in within ConnectionTimeOut.
    case authorizationTimeout(connector: Int)
    /// A transaction message waits for its next attempt.
    case transactionRetry
    /// An accepted Reset (or a finished firmware installation) takes the station down.
    case reset
    /// The next step of a firmware update.
    case firmware
    /// The next step of a diagnostics upload.
    case diagnostics
}

/// What the station model asks its runtime to do, besides sending the calls it queues.
enum StationEffect: Equatable, Sendable {
    /// (Re)starts `timer` to expire after `after` of run time.
    case startTimer(StationTimer, after: Duration)
    case cancelTimer(StationTimer)
    /// Open the connection to the central system after `after` of run time.
    case connect(after: Duration)
    /// Close the connection; `abrupt` drops the socket without a close frame.
    case disconnect(abrupt: Bool)
}
