import Foundation

/// What a soak run is asked to do: `Soak [SECONDS [STATIONS]]`, or SOAK_SECONDS / SOAK_STATIONS in the environment.
struct SoakSettings {
    /// How long the stations charge (the run lasts about this long, plus the ramp-up).
    var seconds = 600
    var stations = 1_000
    /// The share of stations that misbehave through the emulator's fault profiles.
    var faultShare = 0.1
    /// Stations per `chargecheck emulate` process (each starts its stations a second apart).
    var stationsPerProcess = 50
    /// The `chargecheck` executable the emulator fleet runs from.
    var chargecheck = ".build/release/chargecheck"
    /// Where the trace, the report, the logs and the memory curve go (emptied first).
    var directory = ".build-soak"
    /// The scenario folder the runner plays.
    var scenarios = "scenarios/soak"
    /// Seconds between two memory and descriptor samples.
    var sampleInterval = 5

    /// The settings from the command line (positional SECONDS STATIONS) and the environment.
    init(arguments: [String], environment: [String: String]) throws(SoakSetupError) {
        if let text = environment["SOAK_SECONDS"] ?? arguments.first { seconds = try Self.number(text, "SOAK_SECONDS", 60...86_400) }
        if let text = environment["SOAK_STATIONS"] ?? arguments.dropFirst().first { stations = try Self.number(text, "SOAK_STATIONS", 1...10_000) }
        if let path = environment["CHARGECHECK"] { chargecheck = path }
    }

    static func number(_ text: String, _ name: String, _ range: ClosedRange<Int>) throws(SoakSetupError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw SoakSetupError("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// The stations of each fault profile (at least one per profile).
    var stationsPerFault: Int { max(1, Int(Double(stations) * faultShare) / 12) }

    /// How many charging sessions each station runs: one every ~40 s after the ramp-up.
    var sessions: Int { max(1, (seconds - rampSeconds) / 40) }

    /// Seconds until every station is connected (each process starts one a second).
    var rampSeconds: Int { min(stations, stationsPerProcess) + 10 }
}

/// A soak that could not start; the message says what to change.
struct SoakSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
