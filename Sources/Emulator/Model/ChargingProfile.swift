import Foundation
import OCPP

/// A charging profile the central system installed (SetChargingProfile, or RemoteStartTransaction's profile).
struct ChargingProfile: Sendable, Equatable {
    enum Purpose: String, Sendable {
        case chargePointMaxProfile = "ChargePointMaxProfile"
        case txDefaultProfile = "TxDefaultProfile"
        case txProfile = "TxProfile"
    }

    enum Kind: String, Sendable {
        case absolute = "Absolute"
        case recurring = "Recurring"
        case relative = "Relative"
    }

    enum Recurrency: String, Sendable {
        case daily = "Daily"
        case weekly = "Weekly"

        var seconds: Double { self == .daily ? 86_400 : 604_800 }
    }

    /// One period of a schedule: from `startPeriod` seconds after the schedule's start, at most `limit`.
    struct Period: Sendable, Equatable {
        let startPeriod: Int
        let limit: Double
        let numberPhases: Int?
    }

    let id: Int
    let transactionId: Int?
    let stackLevel: Int
    let purpose: Purpose
    let kind: Kind
    let recurrency: Recurrency?
    let validFrom: Date?
    let validTo: Date?
    let duration: Int?
    let startSchedule: Date?
    let unit: ChargingRateUnit
    let periods: [Period]
    /// When the station installed it: the start of an absolute schedule that names no start.
    let installedAt: Date

    /// The profile in a `csChargingProfiles` object; the error names the field that is wrong.
    init(_ value: JSONValue, installedAt: Date) throws(ChargingProfileError) {
        guard case .object = value else { throw .invalid("csChargingProfiles", "must be an object") }
        guard let id = value["chargingProfileId"]?.integerValue else { throw .invalid("chargingProfileId", "is required") }
        guard let stackLevel = value["stackLevel"]?.integerValue, stackLevel >= 0 else {
            throw .invalid("stackLevel", "must be a non-negative integer")
        }
        guard let purpose = value["chargingProfilePurpose"]?.stringValue.flatMap(Purpose.init(rawValue:)) else {
            throw .invalid("chargingProfilePurpose", "must be ChargePointMaxProfile, TxDefaultProfile or TxProfile")
        }
        guard let kind = value["chargingProfileKind"]?.stringValue.flatMap(Kind.init(rawValue:)) else {
            throw .invalid("chargingProfileKind", "must be Absolute, Recurring or Relative")
        }
        let recurrency = value["recurrencyKind"]?.stringValue.flatMap(Recurrency.init(rawValue:))
        if kind == .recurring && recurrency == nil { throw .invalid("recurrencyKind", "is required for a Recurring profile") }
        let schedule = value["chargingSchedule"]
        guard let unit = schedule?["chargingRateUnit"]?.stringValue.flatMap(ChargingRateUnit.init(rawValue:)) else {
            throw .invalid("chargingSchedule.chargingRateUnit", "must be A or W")
        }
        guard let periodValues = schedule?["chargingSchedulePeriod"]?.arrayValue, !periodValues.isEmpty else {
            throw .invalid("chargingSchedule.chargingSchedulePeriod", "must list at least one period")
        }
        var periods: [Period] = []
        for (index, period) in periodValues.enumerated() {
            guard let start = period["startPeriod"]?.integerValue, start >= 0,
                let limit = period["limit"]?.doubleValue, limit >= 0
            else { throw .invalid("chargingSchedule.chargingSchedulePeriod[\(index)]", "needs startPeriod and limit ≥ 0") }
            if let previous = periods.last, previous.startPeriod >= start {
                throw .invalid("chargingSchedule.chargingSchedulePeriod[\(index)].startPeriod", "must increase")
            }
            periods.append(Period(startPeriod: start, limit: limit, numberPhases: period["numberPhases"]?.integerValue))
        }
        if periods[0].startPeriod != 0 {
            throw .invalid("chargingSchedule.chargingSchedulePeriod[0].startPeriod", "must be 0")
        }
        self.id = id
        self.transactionId = value["transactionId"]?.integerValue
        self.stackLevel = stackLevel
        self.purpose = purpose
        self.kind = kind
        self.recurrency = recurrency
        self.validFrom = value["validFrom"]?.stringValue.flatMap(OCPPTimestamp.date(from:))
        self.validTo = value["validTo"]?.stringValue.flatMap(OCPPTimestamp.date(from:))
        self.duration = schedule?["duration"]?.integerValue
        self.startSchedule = schedule?["startSchedule"]?.stringValue.flatMap(OCPPTimestamp.date(from:))
        self.unit = unit
        self.periods = periods
        self.installedAt = installedAt
    }

    /// Where the schedule's clock starts for an instant `time`; `relativeStart` is the start of the transaction
    /// (or of the question, when there is none).
    func scheduleStart(for time: Date, relativeStart: Date) -> Date {
        switch kind {
        case .relative:
            return relativeStart
        case .absolute:
            return startSchedule ?? installedAt
        case .recurring:
            let base = startSchedule ?? installedAt
            let cycle = recurrency?.seconds ?? 86_400
            let cycles = (time.timeIntervalSince(base) / cycle).rounded(.down)
            return base.addingTimeInterval(cycles * cycle)
        }
    }

    /// The limit in force at `time`, in watts, or `nil` when the profile says nothing then.
    func limitWatts(at time: Date, relativeStart: Date) -> Double? {
        if let validFrom, time < validFrom { return nil }
        if let validTo, time >= validTo { return nil }
        let offset = time.timeIntervalSince(scheduleStart(for: time, relativeStart: relativeStart))
        guard offset >= 0 else { return nil }
        if let duration, offset >= Double(duration) { return nil }
        guard let period = periods.last(where: { Double($0.startPeriod) <= offset }) else { return nil }
        return unit.watts(period.limit, phases: period.numberPhases)
    }

    /// The instants in `range` at which this profile's limit may change.
    func boundaries(in range: Range<Date>, relativeStart: Date) -> [Date] {
        var result = [validFrom, validTo].compactMap { $0 }
        var cycleStart = scheduleStart(for: range.lowerBound, relativeStart: relativeStart)
        // Recurring profiles repeat; a bounded number of cycles covers any range the station is asked about.
        for _ in 0..<64 {
            result += periods.map { cycleStart.addingTimeInterval(Double($0.startPeriod)) }
            if let duration { result.append(cycleStart.addingTimeInterval(Double(duration))) }
            guard kind == .recurring, let recurrency else { break }
            cycleStart = cycleStart.addingTimeInterval(recurrency.seconds)
            if cycleStart >= range.upperBound { break }
        }
        return result.filter { range.contains($0) }
    }
}

/// The unit of a charging schedule's limits.
enum ChargingRateUnit: String, Sendable {
    case amperes = "A"
    case watts = "W"

    /// Mains voltage per phase used to convert between amperes and watts.
    static let voltage = 230.0

    /// `limit` in this unit as watts, for `phases` phases (3 when unspecified).
    func watts(_ limit: Double, phases: Int?) -> Double {
        self == .watts ? limit : limit * Self.voltage * Double(phases ?? 3)
    }

    /// `watts` in this unit, for three phases.
    func value(ofWatts watts: Double) -> Double {
        self == .watts ? watts : watts / (Self.voltage * 3)
    }
}

/// Why a charging profile was refused: the field at `path` (inside `csChargingProfiles`) is wrong as `problem` says.
struct ChargingProfileError: Error, Equatable {
    let path: String
    let problem: String

    static func invalid(_ path: String, _ problem: String) -> ChargingProfileError {
        ChargingProfileError(path: path, problem: problem)
    }
}

extension JSONValue {
    /// The value of an `.integer`, or of a `.decimal` with no fraction; `nil` otherwise.
    var integerValue: Int? {
        switch self {
        case .integer(let value): value
        case .decimal(let value) where value == value.rounded() && abs(value) < 1e15: Int(value)
        default: nil
        }
    }
}
