/// A named way for the emulator to misbehave on purpose, so that a suite can be shown to catch it.
///
/// docs/emulator.md describes each profile and what it breaks. With no profile active, everything the emulator sends
/// validates strictly against the OCPP 1.6 catalog.
public enum FaultProfile: String, Sendable, CaseIterable, Hashable, Codable {
    /// RemoteStartTransaction is always answered `Rejected`.
    case rejectRemoteStart = "reject-remote-start"
    /// Transactions start on the station (status Charging) but StartTransaction is never sent, nor anything that
    /// would need its transaction id.
    case neverSendStartTransaction = "no-start-transaction"
    /// Every answer to a central system CALL comes later than any reasonable deadline (`lateAnswerDelay`).
    case answerLate = "late-answers"
    /// Every timestamp the station writes lacks its zone designator (`2026-11-25T10:00:00`).
    case timestampWithoutZone = "timestamp-without-zone"
    /// StatusNotification, StartTransaction, StopTransaction and MeterValues each miss a required field.
    case missingRequiredField = "missing-required-field"
    /// StatusNotification carries `errorCode: "Error"` and MeterValues the measurand `Energy.Active.Import`, values
    /// outside the schema's enums.
    case wrongEnum = "wrong-enum"
    /// No Heartbeat is ever sent.
    case skipHeartbeats = "skip-heartbeats"
    /// After a Reset the station closes the connection and never comes back.
    case noReconnectAfterReset = "no-reconnect-after-reset"
    /// Once a transaction has started, the station drops the connection without a close frame (and reconnects).
    case dropMidTransaction = "drop-mid-transaction"
    /// StopTransaction names a transaction id the central system never gave.
    case wrongStopTransactionId = "wrong-stop-transaction-id"
    /// The energy register goes down while charging.
    case meterBackwards = "meter-backwards"
    /// ChangeConfiguration is always answered `Rejected`, even for valid writable keys.
    case refuseConfiguration = "refuse-configuration"

    /// The profile named `name` (the raw value), or `nil`.
    public init?(name: String) {
        self.init(rawValue: name)
    }
}
