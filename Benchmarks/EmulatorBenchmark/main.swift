// Emulator benchmark: a fleet of emulated stations against a central system on loopback, in one process.
//
//   EmulatorBenchmark [STATIONS [SECONDS]]    defaults: 1000 20
//
// Time runs 60 times faster than real time, so each station sends a Heartbeat (60 s interval) and, while charging,
// MeterValues (60 s sample interval) about once a second. Phase 1 starts the fleet and waits until every station
// has booted. Phase 2 starts a transaction on every station and measures CALLs per second, CPU time per CALL
// (both sides: stations and central system) and resident memory for SECONDS seconds.
import Emulator
import Foundation
import OCPP
import Synchronization
import WebSocket

func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Double(line.split(separator: " ")[1]) else { return 0 }
    return kilobytes / 1024
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let stations = arguments.first ?? 1_000
let measureSeconds = arguments.dropFirst().first ?? 20

let calls = Atomic<Int>(0)
let boots = Atomic<Int>(0)
let server = try await WebSocketServer.start(.init(pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"]))
let serving = Task {
    let replies = DefaultReplies(heartbeatInterval: 60)
    for await event in server.events {
        guard case .accepted(let connection) = event else { continue }
        let session = OCPPSession(transport: connection, info: SessionInfo(
            connectionId: connection.info.identity, stationIdentity: connection.info.identity, role: .centralSystem))
        Task(executorPreference: connection.executor) {
            for await call in session.incomingCalls {
                _ = try? await call.respondWithDefault(replies)
                calls.add(1, ordering: .relaxed)
                if call.action == "BootNotification" { boots.add(1, ordering: .relaxed) }
            }
        }
    }
}

let fleet = EmulatorFleet(base: EmulatorConfiguration(identity: "CP-1", centralSystemURL: "ws://127.0.0.1:\(server.port)/ocpp",
                                                      clock: ScaledClock(scale: 60), callTimeout: .seconds(1_800)),
                          count: stations, stagger: .milliseconds(60))
let bootStart = ContinuousClock.now
await fleet.start()
while boots.load(ordering: .relaxed) < stations, seconds(since: bootStart) < 300 {
    try await Task.sleep(for: .milliseconds(50))
}
print("booted \(boots.load(ordering: .relaxed)) of \(stations) stations in \(String(format: "%.2f", seconds(since: bootStart))) s "
    + "(started 1 ms apart), RSS \(String(format: "%.0f", residentMiB())) MiB")

for emulator in fleet.emulators {
    _ = await emulator.waitUntil(timeout: .seconds(30)) { $0.registration == .accepted }
    try? await emulator.perform(.plug(connector: 1))
    try? await emulator.perform(.presentIdTag("TAG-1", connector: 1))
}
try await Task.sleep(for: .seconds(2))
let callsBefore = calls.load(ordering: .relaxed)
let cpuBefore = cpuSeconds()
let measureStart = ContinuousClock.now
try await Task.sleep(for: .seconds(measureSeconds))
let elapsed = seconds(since: measureStart)
let measured = calls.load(ordering: .relaxed) - callsBefore
let cpu = cpuSeconds() - cpuBefore
var charging = 0
for emulator in fleet.emulators where await emulator.snapshot.connector(1)?.status == .charging { charging += 1 }
print("\(stations) stations, \(charging) charging: \(String(format: "%.0f", Double(measured) / elapsed)) CALLs/s "
    + "(Heartbeat + MeterValues, answered), \(String(format: "%.1f", cpu / elapsed * 100)) % CPU, "
    + "\(String(format: "%.1f", cpu / Double(max(measured, 1)) * 1e6)) µs CPU per CALL (both sides), "
    + "RSS \(String(format: "%.0f", residentMiB())) MiB")
await fleet.stop()
await server.shutdown()
serving.cancel()
