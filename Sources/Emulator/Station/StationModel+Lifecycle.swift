import Foundation
import OCPP

/// The kind of Reset the central system asked for.
enum ResetKind: String, Sendable {
    case soft = "Soft"
    case hard = "Hard"

    var stopReason: StopReason { self == .soft ? .softReset : .hardReset }
}

/// Power, connection, boot, heartbeat and reboot.
extension StationModel {
    /// The station is switched on: it connects at once.
    mutating func powerOn(_ now: Date) {
        advance(to: now)
        ask(.connect(after: .zero))
    }

    /// The WebSocket connection is open. The station boots when it must (after power-up, Reset, power loss, or on
    /// every connection when its profile says so); otherwise it carries on and reports what changed meanwhile.
    mutating func connectionOpened(_ now: Date) {
        advance(to: now)
        isOnline = true
        isRebooting = false
        reconnectAttempts = 0
        if needsBoot || profile.bootOnReconnect {
            registration = .unknown
            enqueueBootNotification(triggered: false)
        } else {
            resumeAfterReconnect(now)
        }
        publishStatusChanges(now)
    }

    /// The connection went, or an attempt to open it failed. Unless the station is going down on purpose, it tries
    /// again with exponential backoff (1 s, 2 s, 4 s … at most 60 s of run time).
    mutating func connectionLost(_ now: Date) {
        advance(to: now)
        let wasOnline = isOnline
        isOnline = false
        if let message = inFlight { callFailed(message.id, .connectionLost, now: now) }
        dropVolatileMessages()
        if wasOnline { ask(.cancelTimer(.heartbeat)) }
        guard isPowered, !isRebooting else { return }
        let delay = min(60, 1 << min(reconnectAttempts, 6))
        reconnectAttempts += 1
        ask(.connect(after: .seconds(delay)))
    }

    mutating func enqueueBootNotification(triggered: Bool) {
        guard !outbox.contains(where: { $0.action == "BootNotification" }) else { return }
        enqueue("BootNotification", [
            "chargePointVendor": .string(profile.vendor),
            "chargePointModel": .string(profile.model),
            "chargePointSerialNumber": .string(profile.serialNumber),
            "firmwareVersion": .string(profile.firmwareVersion),
            "meterType": "Emulated AC meter",
        ], triggered: triggered)
    }

    /// BootNotification was answered: Accepted starts normal operation (heartbeats at the interval given, a status
    /// for every connector); Pending and Rejected retry after the interval.
    mutating func bootAnswered(_ payload: JSONValue, now: Date) {
        synchronizeClock(payload["currentTime"], now: now)
        let interval = payload["interval"]?.integerValue ?? 0
        switch payload["status"]?.stringValue {
        case "Accepted":
            registration = .accepted
            needsBoot = false
            if interval > 0 { configuration.adopt(.heartbeatInterval, value: String(interval)) }
            scheduleHeartbeat()
            scheduleClockAlignedSample(now)
        case "Pending":
            registration = .pending
            ask(.startTimer(.bootRetry, after: .seconds(interval > 0 ? interval : 30)))
        default:
            registration = .rejected
            ask(.startTimer(.bootRetry, after: .seconds(interval > 0 ? interval : 30)))
        }
    }

    /// Back on line without a boot: heartbeats resume; statuses changed while offline go out.
    private mutating func resumeAfterReconnect(_ now: Date) {
        guard registration == .accepted else {
            enqueueBootNotification(triggered: false)
            return
        }
        scheduleHeartbeat()
    }

    mutating func scheduleHeartbeat() {
        let interval = configuration.integer(.heartbeatInterval)
        guard interval > 0, !faults.contains(.skipHeartbeats) else {
            ask(.cancelTimer(.heartbeat))
            return
        }
        ask(.startTimer(.heartbeat, after: .seconds(interval)))
    }

    /// Arms the clock-aligned sample for the next multiple of ClockAlignedDataInterval after midnight UTC.
    mutating func scheduleClockAlignedSample(_ now: Date) {
        let interval = configuration.integer(.clockAlignedDataInterval)
        guard interval > 0 else {
            ask(.cancelTimer(.clockAligned))
            return
        }
        let seconds = stationTime(now).timeIntervalSince1970
        let elapsed = seconds.truncatingRemainder(dividingBy: 86_400).truncatingRemainder(dividingBy: Double(interval))
        let wait = max(0.001, Double(interval) - elapsed)
        ask(.startTimer(.clockAligned, after: .milliseconds(Int((wait * 1_000).rounded(.up)))))
    }

    // MARK: Timers

    /// `timer` expired.
    mutating func timerFired(_ timer: StationTimer, now: Date) {
        advance(to: now)
        guard isPowered else { return }
        switch timer {
        case .heartbeat:
            if isOnline, registration == .accepted, !faults.contains(.skipHeartbeats) {
                enqueue("Heartbeat", [:])
            }
            scheduleHeartbeat()
        case .bootRetry:
            if isOnline, registration != .accepted { enqueueBootNotification(triggered: false) }
        case .meterSample(let connector):
            samplePeriodically(connector: connector, now: now)
        case .clockAligned:
            sampleClockAligned(now)
            scheduleClockAlignedSample(now)
        case .reservationExpiry(let connector):
            if let reservation = connectors[connector].reservation, reservation.expiry <= stationTime(now).addingTimeInterval(1) {
                connectors[connector].reservation = nil
            }
        case .authorizationTimeout(let connector):
            if connectors[connector].transaction == nil { connectors[connector].pendingAuthorization = nil }
        case .transactionRetry:
            break
        case .reset:
            continueReset(now)
        case .firmware:
            advanceFirmwareUpdate(now)
        case .diagnostics:
            advanceDiagnosticsUpload(now)
        }
        publishStatusChanges(now)
    }

    // MARK: Reset and power

    /// An accepted Reset: the station stops its transactions, lets their messages go out (for a bounded time), then
    /// closes the connection and reboots.
    mutating func beginReset(_ kind: ResetKind) {
        pendingReset = kind
        resetWaits = 0
        ask(.startTimer(.reset, after: .seconds(1)))
    }

    private mutating func continueReset(_ now: Date) {
        guard let kind = pendingReset else { return }
        for index in chargingConnectorIds where connectors[index].transaction != nil {
            endTransaction(connector: index, reason: kind.stopReason, idTag: nil, now: now)
        }
        if isOnline, hasTransactionMessagesPending || hasFirmwareStatusPending, resetWaits < 10 {
            resetWaits += 1
            ask(.startTimer(.reset, after: .seconds(1)))
            return
        }
        pendingReset = nil
        reboot(now, reconnect: !faults.contains(.noReconnectAfterReset))
    }

    /// The station goes down and comes up again: the connection closes, everything volatile is forgotten, and after
    /// the reboot time it connects and boots.
    mutating func reboot(_ now: Date, reconnect: Bool) {
        isRebooting = true
        if isOnline { ask(.disconnect(abrupt: false)) }
        isOnline = false
        forgetVolatileState()
        if reconnect { ask(.connect(after: .seconds(profile.rebootSeconds))) }
    }

    /// What a restart loses: the registration, timers, waiting authorizations, queued messages other than transaction
    /// messages, the statuses reported. Configuration, local list, cache, availability, reservations and profiles
    /// are kept, as a station keeps them in non-volatile memory.
    private mutating func forgetVolatileState() {
        registration = .unknown
        pendingReset = nil
        needsBoot = true
        dropVolatileMessages()
        for timer in [StationTimer.heartbeat, .bootRetry, .clockAligned, .transactionRetry, .reset] {
            ask(.cancelTimer(timer))
        }
        for index in connectors.indices {
            connectors[index].reported = nil
            connectors[index].pendingAuthorization = nil
            if let scheduled = connectors[index].scheduledAvailability, connectors[index].transaction == nil {
                connectors[index].availability = scheduled
                connectors[index].scheduledAvailability = nil
            }
            ask(.cancelTimer(.meterSample(connector: index)))
            ask(.cancelTimer(.authorizationTimeout(connector: index)))
        }
    }

    /// The mains go: the connection drops and nothing runs until power returns.
    mutating func losePower(_ now: Date) {
        advance(to: now)
        powerLostAt = stationTime(now)
        isPowered = false
        isRebooting = true
        if isOnline { ask(.disconnect(abrupt: true)) }
        isOnline = false
        forgetVolatileState()
        ask(.cancelTimer(.firmware))
        ask(.cancelTimer(.diagnostics))
        firmwareUpdate = nil
        diagnosticsUpload = nil
        advance(to: now)
    }

    /// Power returns: the interrupted transactions end with reason PowerLoss, and the station boots after the
    /// reboot time.
    mutating func restorePower(_ now: Date) {
        isPowered = true
        isRebooting = true
        lastMeterUpdate = now
        for index in chargingConnectorIds where connectors[index].transaction != nil {
            endTransaction(connector: index, reason: .powerLoss, idTag: nil, now: now, stoppedAt: powerLostAt)
        }
        powerLostAt = nil
        advance(to: now)
        ask(.connect(after: .seconds(profile.rebootSeconds)))
    }
}
