import Foundation

/// The charging profiles installed on the station, and the composite schedule they make together.
///
/// Per connector, a TxProfile of the running transaction wins over a TxDefaultProfile of that connector, which wins
/// over a TxDefaultProfile of connector 0; within one purpose the highest stack level that says something wins. The
/// ChargePointMaxProfile (connector 0) caps the result.
struct ChargingProfileStore: Sendable {
    struct Installed: Sendable, Equatable {
        let connector: Int
        let profile: ChargingProfile
    }

    /// A transaction that profiles may apply to.
    struct TransactionContext: Sendable {
        let id: Int?
        let start: Date
    }

    private(set) var installed: [Installed] = []

    /// Installs `profile` on `connector`, replacing a profile with the same id, or with the same purpose and stack
    /// level on that connector.
    mutating func install(_ profile: ChargingProfile, on connector: Int) {
        installed.removeAll {
            $0.profile.id == profile.id
                || ($0.connector == connector && $0.profile.purpose == profile.purpose
                    && $0.profile.stackLevel == profile.stackLevel)
        }
        installed.append(Installed(connector: connector, profile: profile))
    }

    /// ClearChargingProfile: removes the profiles matching every given criterion; whether any was removed.
    mutating func clear(id: Int?, connector: Int?, purpose: ChargingProfile.Purpose?, stackLevel: Int?) -> Bool {
        let before = installed.count
        installed.removeAll { entry in
            if let id { return entry.profile.id == id }
            return (connector.map { $0 == entry.connector } ?? true)
                && (purpose.map { $0 == entry.profile.purpose } ?? true)
                && (stackLevel.map { $0 == entry.profile.stackLevel } ?? true)
        }
        return installed.count != before
    }

    /// Removes the TxProfiles of `connector`, when its transaction ends.
    mutating func removeTransactionProfiles(on connector: Int) {
        installed.removeAll { $0.connector == connector && $0.profile.purpose == .txProfile }
    }

    /// The limit in watts for `connector` at `time`, `nil` when no profile limits it. Relative schedules start with
    /// the transaction, or at `relativeStart` when there is none (by default `time` itself).
    func limitWatts(connector: Int, at time: Date, transaction: TransactionContext?, relativeStart: Date? = nil) -> Double? {
        let relativeStart = transaction?.start ?? relativeStart ?? time
        func strongest(_ candidates: [Installed]) -> Double? {
            candidates.sorted { $0.profile.stackLevel > $1.profile.stackLevel }
                .lazy.compactMap { $0.profile.limitWatts(at: time, relativeStart: relativeStart) }.first
        }
        let stationMax = strongest(installed.filter { $0.connector == 0 && $0.profile.purpose == .chargePointMaxProfile })
        var connectorLimit: Double?
        if let transaction {
            connectorLimit = strongest(installed.filter {
                $0.connector == connector && $0.profile.purpose == .txProfile
                    && ($0.profile.transactionId == nil || $0.profile.transactionId == transaction.id)
            })
        }
        connectorLimit = connectorLimit
            ?? strongest(installed.filter { $0.connector == connector && $0.profile.purpose == .txDefaultProfile })
            ?? strongest(installed.filter { $0.connector == 0 && $0.profile.purpose == .txDefaultProfile })
        return [stationMax, connectorLimit].compactMap { $0 }.min()
    }

    /// A period of a composite schedule: from `offset` seconds after its start, `watts` at most.
    struct CompositePeriod: Sendable, Equatable {
        let offset: Int
        let watts: Double
    }

    /// The composite schedule of `connector` from `start` for `duration` seconds, with `hardwareLimit` where no
    /// profile limits; consecutive equal periods merged.
    func compositeSchedule(connector: Int, from start: Date, duration: Int, hardwareLimit: Double,
                           transaction: TransactionContext?) -> [CompositePeriod] {
        let range = start..<start.addingTimeInterval(Double(max(duration, 1)))
        let relativeStart = transaction?.start ?? start
        let relevant = installed.filter { $0.connector == 0 || $0.connector == connector }
        let instants = Set([start] + relevant.flatMap { $0.profile.boundaries(in: range, relativeStart: relativeStart) })
        var periods: [CompositePeriod] = []
        for instant in instants.sorted() {
            let limit = limitWatts(connector: connector, at: instant, transaction: transaction, relativeStart: relativeStart)
            let watts = min(limit ?? hardwareLimit, hardwareLimit)
            if periods.last?.watts == watts { continue }
            periods.append(CompositePeriod(offset: Int(instant.timeIntervalSince(start).rounded()), watts: watts))
        }
        return periods
    }
}
