import OCPP

/// `parse`: MeterValues CALL frames (four sampled values, ~560 bytes), text → frame → validated payload, on this
/// thread; rates per CPU-second of the thread, so that a busy machine does not distort them.
enum ParseWorkload {
    static let frameCount = 20_000
    static let rounds = 9

    /// A realistic MeterValues CALL: one meter value with energy, power, current and voltage samples.
    static func meterValuesFrame(number: Int) -> String {
        let energy = 1_000_000 + number * 7
        return #"[2,"mv-\#(number)","MeterValues",{"connectorId":1,"transactionId":\#(4000 + number % 100),"meterValue":[{"timestamp":"2026-11-25T22:\#(10 + number % 50):\#(10 + number % 49).\#(100 + number % 900)Z","sampledValue":[{"value":"\#(energy)","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","location":"Outlet","unit":"Wh"},{"value":"\#(7200 + number % 400).5","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"},{"value":"\#(16 + number % 16).2","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","unit":"A"},{"value":"230.\#(number % 10)","context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N","unit":"V"}]}]}]"#
    }

    /// Parses and validates every frame once; the number of valid payloads (so nothing is optimized away).
    static func parseAll(_ frames: [String], validator: PayloadValidator) -> Int {
        var valid = 0
        for text in frames {
            guard let parsed = try? OCPPFrame.parse(text), case .call(_, let action, let payload) = parsed.frame,
                  let report = validator.validate(payload, action: action, .request)
            else { continue }
            if report.isValid { valid += 1 }
        }
        return valid
    }

    static func measure() throws(BenchError) -> WorkloadResult {
        let frames = (0..<frameCount).map(meterValuesFrame)
        let bytes = frames.reduce(0) { $0 + $1.utf8.count }
        let validator = PayloadValidator(mode: .strict)
        var cpuRates: [Double] = []
        var wallRates: [Double] = []
        for _ in 0...rounds {
            let cpuStart = ProcessMeasures.threadCPUSeconds()
            let start = ContinuousClock.now
            let valid = parseAll(frames, validator: validator)
            let wall = ProcessMeasures.seconds(since: start)
            let cpu = ProcessMeasures.threadCPUSeconds() - cpuStart
            guard valid == frameCount else {
                throw BenchError("parse: \(frameCount - valid) generated frames did not validate; the generator is wrong")
            }
            cpuRates.append(Double(frameCount) / cpu)
            wallRates.append(Double(frameCount) / wall)
        }
        // The first round warms caches and is left out.
        cpuRates = cpuRates.dropFirst().sorted()
        wallRates = wallRates.dropFirst().sorted()
        return WorkloadResult(workload: "parse", parameters: [
            ("frames", .integer(frameCount)), ("rounds", .integer(rounds)), ("bytesPerFrame", .integer(bytes / frameCount)),
            ("validation", "strict"),
        ], figures: [
            Figure("framesPerCPUSecond", "frames/s on one core (median, thread CPU)", cpuRates[rounds / 2], unit: "/s", target: .atLeast(100_000)),
            Figure("framesPerCPUSecondBest", "frames/s on one core (best)", cpuRates[rounds - 1], unit: "/s"),
            Figure("framesPerWallSecond", "frames/s wall clock (median)", wallRates[rounds / 2], unit: "/s"),
        ])
    }
}
