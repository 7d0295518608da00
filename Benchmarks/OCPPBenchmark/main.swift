// OCPP hot-path benchmark: MeterValues frames, text → frame → validated payload, on one core.
import Foundation
// Run with `swift run -c release OCPPBenchmark` (or `make bench`). Target: ≥ 100,000 frames per second.
import OCPP

/// A realistic MeterValues CALL: one meter value with energy, power, current and voltage samples.
func meterValuesFrame(number: Int) -> String {
    let energy = 1_000_000 + number * 7
    return #"[2,"mv-\#(number)","MeterValues",{"connectorId":1,"transactionId":\#(4000 + number % 100),"meterValue":[{"timestamp":"2026-11-25T22:\#(10 + number % 50):\#(10 + number % 49).\#(100 + number % 900)Z","sampledValue":[{"value":"\#(energy)","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},{"value":"\#(7200 + number % 400).5","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"},{"value":"\#(16 + number % 16).2","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","unit":"A"},{"value":"230.\#(number % 10)","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","unit":"V"}]}]}]"#
}

let frameCount = 20_000
let frames = (0..<frameCount).map(meterValuesFrame)
let bytes = frames.reduce(0) { $0 + $1.utf8.count }
let validator = PayloadValidator(mode: .strict)

/// Parses and validates every frame once; returns the number of valid payloads (so nothing is optimized away).
func runOnce() -> Int {
    var valid = 0
    for text in frames {
        guard let parsed = try? OCPPFrame.parse(text),
              case .call(_, let action, let payload) = parsed.frame,
              let report = validator.validate(payload, action: action, .request)
        else { continue }
        if report.isValid { valid += 1 }
    }
    return valid
}

guard runOnce() == frameCount else {
    print("OCPPBenchmark: the generated frames did not all validate; fix the generator")
    exit(1)
}

/// CPU time of this thread in seconds: on a shared machine it measures the work, not the wait for a core.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

let clock = ContinuousClock()
var wallRates: [Double] = []
var cpuRates: [Double] = []
for _ in 0..<9 {
    let cpuStart = threadCPUSeconds()
    let elapsed = clock.measure { precondition(runOnce() == frameCount) }
    let cpu = threadCPUSeconds() - cpuStart
    wallRates.append(Double(frameCount) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    cpuRates.append(Double(frameCount) / cpu)
}
wallRates.sort()
cpuRates.sort()
let cpuMedian = cpuRates[cpuRates.count / 2]
let wallMedian = wallRates[wallRates.count / 2]
print("OCPP MeterValues parse+validate: median \(Int(cpuMedian)) frames per CPU-second on one core "
    + "(best \(Int(cpuRates.last ?? 0)); wall clock median \(Int(wallMedian))/s; \(bytes / frameCount) bytes/frame, "
    + "\(cpuRates.count) rounds of \(frameCount))")
print(cpuMedian >= 100_000 ? "target ≥ 100000 frames/s on one core: met" : "target ≥ 100000 frames/s on one core: NOT met")

/// Session round trips over an in-memory pair: the charge point sends MeterValues, the central system answers {};
/// both sides parse, validate, correlate and trace (to memory-less recorders) every frame.
func sessionRoundTrips(count: Int) async -> Double {
    let (a, b) = InMemoryTransport.pair()
    let trace = TraceRecorder(keepsRecords: false)
    let centralSystem = OCPPSession(transport: a, info: SessionInfo(connectionId: "bench", stationIdentity: "CP", role: .centralSystem),
                                    configuration: SessionConfiguration(trace: trace))
    let chargePoint = OCPPSession(transport: b, info: SessionInfo(connectionId: "bench", stationIdentity: "CP", role: .chargePoint),
                                  configuration: SessionConfiguration(trace: trace))
    let responder = Task {
        for await call in centralSystem.incomingCalls { _ = try? await call.respond([:]) }
    }
    guard case .call(_, _, let payload) = (try? OCPPFrame.parse(frames[0]))?.frame else { return 0 }
    let start = clock.now
    for _ in 0..<count {
        guard case .result = await chargePoint.call("MeterValues", payload) else { return 0 }
    }
    let elapsed = clock.now - start
    await chargePoint.close()
    responder.cancel()
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let roundTrips = await sessionRoundTrips(count: 20_000)
print("OCPP session round trips (in-memory, MeterValues CALL → CALLRESULT, both sides validating and tracing): \(Int(roundTrips))/s")
