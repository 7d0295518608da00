import Foundation
import OCPP

/// The charge point as a state machine with no I/O: the runtime feeds it what happens (connection events, answers,
/// central system CALLs, physical actions, expired timers, each with the run clock's `now`), sends the CALLs it
/// queues (`nextCall`) and carries out the effects it asks for (`drainEffects`). It speaks in OCPP action names and
/// `JSONValue` payloads.
struct StationModel: Sendable {
    let identity: String
    let profile: StationProfile
    /// The active fault profiles; they may change while the station runs (per scenario).
    var faults: Set<FaultProfile>
    var configuration: ConfigurationStore
    var authorization = AuthorizationStore()
    var chargingProfiles = ChargingProfileStore()
    /// Index 0 is connector 0, the station as a whole.
    var connectors: [Connector]

    var registration = RegistrationStatus.unknown
    var isOnline = false
    var isPowered = true
    /// Whether the station's network works (a `networkLoss` action takes it down).
    var isNetworkUp = true
    /// Whether the next connection must begin with a BootNotification (after power-up, Reset, power loss).
    var needsBoot = true
    /// Whether the station is going down for a reboot: connection events are expected and ignored.
    var isRebooting = false
    /// Seconds to add to the run clock to get the station's clock, learned from the central system's answers.
    var clockOffset: TimeInterval = 0
    var pendingReset: ResetKind?
    var resetWaits = 0
    var firmwareUpdate: FirmwareUpdate?
    var diagnosticsUpload: DiagnosticsUpload?
    var reconnectAttempts = 0
    var powerLostAt: Date?

    var outbox: [OutgoingMessage] = []
    var inFlight: OutgoingMessage?
    var nextMessageId = 1
    var nextTransactionNumber = 1
    /// The central system's transaction ids, by the station's local transaction number.
    var transactionIds: [Int: Int] = [:]
    /// Transactions during which the `drop-mid-transaction` fault has already dropped the connection.
    var droppedTransactions: Set<Int> = []
    var lastMeterUpdate: Date?
    private(set) var effects: [StationEffect] = []

    /// A station named `identity`, powered and about to connect.
    init(identity: String, profile: StationProfile, faults: Set<FaultProfile>) {
        self.identity = identity
        self.profile = profile
        self.faults = faults
        configuration = ConfigurationStore(connectorCount: profile.connectorCount, overrides: profile.configuration)
        connectors = (0...profile.connectorCount).map { Connector(id: $0, registerWh: profile.initialRegisterWh) }
    }

    /// The connector ids that take cables, 1 through the connector count.
    var chargingConnectorIds: ClosedRange<Int> { 1...profile.connectorCount }

    /// Hands over the effects requested since the last call.
    mutating func drainEffects() -> [StationEffect] {
        defer { effects.removeAll() }
        return effects
    }

    mutating func ask(_ effect: StationEffect) {
        effects.append(effect)
    }

    // MARK: Time

    /// The station's own clock: the run clock corrected by what the central system said the time was.
    func stationTime(_ now: Date) -> Date {
        now.addingTimeInterval(clockOffset)
    }

    /// A timestamp of the station's clock as it writes it into messages.
    func timestamp(_ now: Date) -> JSONValue {
        stamp(stationTime(now))
    }

    /// A time of the station's clock as it writes it into messages.
    func stamp(_ time: Date) -> JSONValue {
        .string(faults.contains(.timestampWithoutZone) ? OCPPTimestamp.textWithoutZone(time) : OCPPTimestamp.text(time))
    }

    /// Adopts the central system's time from an answer's `currentTime`.
    mutating func synchronizeClock(_ currentTime: JSONValue?, now: Date) {
        guard let time = currentTime?.stringValue.flatMap(OCPPTimestamp.date(from:)) else { return }
        clockOffset = time.timeIntervalSince(now)
    }

    // MARK: Meter

    /// Brings the energy registers up to `now` at the power that flowed since the last update, then settles the
    /// power for what comes next (charging profiles, the EV's state of charge, faults).
    mutating func advance(to now: Date) {
        if let last = lastMeterUpdate, now > last {
            let hours = now.timeIntervalSince(last) / 3_600
            for index in chargingConnectorIds {
                let energy = connectors[index].powerW * hours
                connectors[index].registerWh += energy
                connectors[index].stateOfCharge = min(100, connectors[index].stateOfCharge + energy / 600)
            }
        }
        lastMeterUpdate = now
        for index in chargingConnectorIds {
            let connector = connectors[index]
            let context = connector.transaction.map {
                ChargingProfileStore.TransactionContext(id: transactionIds[$0.localId], start: $0.start)
            }
            let limit = chargingProfiles.limitWatts(connector: index, at: stationTime(now), transaction: context)
            let offered = isPowered && connector.fault == nil ? min(profile.maxPowerW, limit ?? profile.maxPowerW) : 0
            connectors[index].offeredW = offered
            let drawing = connector.transaction.map { !$0.deauthorized } == true && connector.plugged
                && connector.stateOfCharge < 100 && connectors[0].fault == nil
            connectors[index].powerW = drawing ? min(offered, profile.evPowerW) : 0
        }
    }

    /// The energy register of `connector` as the meter reports it, in whole watt-hours.
    func reportedRegister(_ connector: Int) -> Int {
        let register = connectors[connector].registerWh
        guard faults.contains(.meterBackwards) else { return Int(register.rounded()) }
        return max(0, Int((2 * profile.initialRegisterWh - register).rounded()))
    }

    // MARK: Status

    /// Queues a StatusNotification for every connector whose status differs from the one last reported (all of them
    /// after a boot). Only while online and accepted: what changes offline is reported after reconnecting.
    mutating func publishStatusChanges(_ now: Date) {
        guard isOnline, registration == .accepted else { return }
        for index in connectors.indices {
            let connector = connectors[index]
            let status = index == 0 ? connector.stationStatus : connector.status
            let errorCode = connector.fault ?? .noError
            if let reported = connector.reported, reported.status == status, reported.errorCode == errorCode { continue }
            connectors[index].reported = (status, errorCode)
            enqueueStatusNotification(connector: index, triggered: false, now: now)
        }
    }

    mutating func enqueueStatusNotification(connector index: Int, triggered: Bool, now: Date) {
        let connector = connectors[index]
        var payload: JSONObject = [
            "connectorId": .integer(index),
            "errorCode": .string((connector.fault ?? .noError).rawValue),
            "status": .string((index == 0 ? connector.stationStatus : connector.status).rawValue),
            "timestamp": timestamp(now),
        ]
        if connector.fault != nil { payload["info"] = "Raised on the emulator" }
        enqueue("StatusNotification", payload, triggered: triggered)
    }

    /// Everything a caller must do after changing state: settle the meter and report status changes.
    mutating func settle(_ now: Date) {
        advance(to: now)
        publishStatusChanges(now)
    }

    // MARK: Snapshot

    /// What the station looks like now, for tests, the runner's report and the control API.
    var snapshot: StationSnapshot {
        StationSnapshot(
            identity: identity, connected: isOnline, powered: isPowered, registration: registration,
            connectors: connectors.map { connector in
                ConnectorSnapshot(
                    id: connector.id, status: connector.id == 0 ? connector.stationStatus : connector.status,
                    errorCode: connector.fault ?? .noError, plugged: connector.plugged,
                    transactionId: connector.transaction.flatMap { transactionIds[$0.localId] },
                    idTag: connector.transaction?.idTag ?? connector.pendingAuthorization?.idTag,
                    meterWh: reportedRegister(connector.id), powerW: connector.powerW,
                    reservationId: connector.reservation?.id)
            },
            pendingMessages: outbox.count + (inFlight == nil ? 0 : 1))
    }
}
