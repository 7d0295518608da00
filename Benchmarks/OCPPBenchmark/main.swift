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

let clock = ContinuousClock()
var rates: [Double] = []
for _ in 0..<7 {
    let elapsed = clock.measure { precondition(runOnce() == frameCount) }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    rates.append(Double(frameCount) / seconds)
}
rates.sort()
let median = rates[rates.count / 2]
let megabytes = Double(bytes) / 1_048_576 * median / Double(frameCount)
print("OCPP MeterValues parse+validate: median \(Int(median)) frames/s, best \(Int(rates.last ?? 0)) frames/s "
    + "(\(bytes / frameCount) bytes/frame, \(String(format: "%.1f", megabytes)) MiB/s, one core, \(rates.count) rounds)")
print(median >= 100_000 ? "target ≥ 100000 frames/s: met" : "target ≥ 100000 frames/s: NOT met")
