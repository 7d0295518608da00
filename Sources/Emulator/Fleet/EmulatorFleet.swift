import Foundation
import OCPP

/// Several emulated stations from one process (`chargecheck emulate --count N`): identities numbered from the
/// configured one, started one after the other, summarised together.
public actor EmulatorFleet {
    /// The stations, in identity order.
    public nonisolated let emulators: [ChargePointEmulator]
    /// The run time between two stations' starts.
    public nonisolated let stagger: Duration
    private let clock: any RunClock
    private var startTask: Task<Void, Never>?

    /// A fleet of `count` stations like `base`, numbered as `identities(base:count:)` says, started `stagger` of run
    /// time apart.
    public init(base: EmulatorConfiguration, count: Int, stagger: Duration = .seconds(1)) {
        self.init(emulators: Self.identities(base: base.identity, count: count).map { identity in
            var configuration = base
            configuration.identity = identity
            return ChargePointEmulator(configuration: configuration)
        }, stagger: stagger)
    }

    /// A fleet of stations made elsewhere (e.g. one emulator, to serve it through the control API); the first
    /// station's clock paces the starts.
    public init(emulators: [ChargePointEmulator], stagger: Duration = .seconds(1)) {
        self.emulators = emulators
        self.stagger = stagger
        clock = emulators.first?.configuration.clock ?? ScaledClock()
    }

    /// The identities of a fleet: `base` alone for one station; for more, `base` with its trailing number (or `-1`
    /// when it has none) counting up: CP-1, CP-2, … or STATION-1, STATION-2, ….
    public static func identities(base: String, count: Int) -> [String] {
        guard count > 1 else { return [base] }
        let digits = base.reversed().prefix(while: \.isNumber).count
        let stem = digits > 0 ? String(base.dropLast(digits)) : base + "-"
        let first = digits > 0 ? Int(base.suffix(digits)) ?? 1 : 1
        return (0..<count).map { "\(stem)\(first + $0)" }
    }

    /// The station named `identity`.
    public nonisolated func emulator(identity: String) -> ChargePointEmulator? {
        emulators.first { $0.configuration.identity == identity }
    }

    /// Starts the stations, `stagger` apart; returns at once.
    public func start() {
        guard startTask == nil else { return }
        let emulators = self.emulators, stagger = self.stagger, clock = self.clock
        startTask = Task {
            for (index, emulator) in emulators.enumerated() {
                if index > 0 {
                    do { try await clock.sleep(for: stagger) } catch { return }
                }
                await emulator.start()
            }
        }
    }

    /// Stops every station.
    public func stop() async {
        startTask?.cancel()
        await withTaskGroup(of: Void.self) { group in
            for emulator in emulators { group.addTask { await emulator.stop() } }
        }
    }

    /// A line per station saying what it did, then the totals.
    public func summary() async -> String {
        var lines: [String] = []
        var totals = EmulatorStatistics()
        for emulator in emulators {
            let state = await emulator.snapshot
            let statistics = await emulator.statistics
            totals.connections += statistics.connections
            totals.connectFailures += statistics.connectFailures
            totals.failedCalls += statistics.failedCalls
            totals.sent.merge(statistics.sent, uniquingKeysWith: +)
            totals.received.merge(statistics.received, uniquingKeysWith: +)
            let connectors = state.connectors.dropFirst().map { "\($0.id):\($0.status.rawValue)" }.joined(separator: " ")
            let transactions = statistics.sent["StartTransaction", default: 0]
            lines.append("\(state.identity): \(state.connected ? "connected" : "not connected"), registration "
                + "\(state.registration.rawValue), \(statistics.connections) connection(s), \(statistics.connectFailures) failed "
                + "attempt(s), sent \(statistics.totalSent), received \(statistics.totalReceived), \(transactions) transaction(s), "
                + "\(statistics.failedCalls) unanswered; connectors \(connectors)")
        }
        lines.append("total: \(emulators.count) station(s), \(totals.connections) connection(s), sent \(totals.totalSent), "
            + "received \(totals.totalReceived), \(totals.failedCalls) unanswered")
        return lines.joined(separator: "\n")
    }
}
