import Emulator
import Foundation
import OCPP

/// `_fleet`: the emulator alone, `--count` stations in this one process against the central system at `--url`,
/// time running `--scale` times faster. Reports when every station has booted (or the boot wait ran out), waits for
/// `go`, starts a transaction on every station, runs `--seconds`, and reports memory and CPU.
enum FleetRole {
    static func run(_ arguments: RoleArguments, link: ParentLink) async -> Never {
        ProcessMeasures.raiseOpenFileLimit(to: 100_000)
        guard let url = arguments["url"] else { link.fail("_fleet needs --url") }
        let count = arguments.integer("count", default: 10_000)
        let scale = arguments.number("scale", default: 60)
        let seconds = arguments.number("seconds", default: 10)
        let baselineKiB = ProcessMeasures.residentKiB()
        // A station every 0.1 ms of real time: the boot storm is the emulator's, not the stagger's.
        let fleet = EmulatorFleet(base: EmulatorConfiguration(identity: "CP-1", centralSystemURL: url, clock: ScaledClock(scale: scale),
                                                              callTimeout: .seconds(3_600)),
                                  count: count, stagger: .microseconds(Int64(100 * scale)))
        let start = ContinuousClock.now
        await fleet.start()
        let booted = await forEach(fleet.emulators) { emulator in
            await emulator.waitUntil(timeout: .seconds(300)) { $0.registration == .accepted }
        }
        let bootSeconds = ProcessMeasures.seconds(since: start)
        link.report(["booted": .integer(booted), "seconds": .decimal(bootSeconds), "baselineKiB": .decimal(baselineKiB),
                     "rssKiB": .decimal(ProcessMeasures.residentKiB())])
        _ = await link.nextCommand()
        let charging = await forEach(fleet.emulators) { emulator in
            do {
                try await emulator.perform(.plug(connector: 1))
                try await emulator.perform(.presentIdTag("BENCH", connector: 1))
            } catch {
                return false
            }
            return await emulator.waitUntil(timeout: .seconds(120)) { $0.connector(1)?.status == .charging }
        }
        let cpuStart = ProcessMeasures.cpuSeconds()
        let measureStart = ContinuousClock.now
        try? await Task.sleep(for: .seconds(seconds))
        let cpu = ProcessMeasures.cpuSeconds() - cpuStart
        let elapsed = ProcessMeasures.seconds(since: measureStart)
        link.report(["charging": .integer(charging), "cpuShare": .decimal(cpu / elapsed), "rssKiB": .decimal(ProcessMeasures.residentKiB())])
        while true { _ = await link.nextCommand() }
    }

    /// Runs `body` for every emulator at once; the number of true answers.
    private static func forEach(_ emulators: [ChargePointEmulator],
                                _ body: @escaping @Sendable (ChargePointEmulator) async -> Bool) async -> Int {
        await withTaskGroup(of: Bool.self) { group in
            for emulator in emulators { group.addTask { await body(emulator) } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
    }
}
