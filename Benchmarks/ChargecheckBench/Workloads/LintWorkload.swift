import Foundation
import Scenario

/// `lint`: 1,000 generated scenario files (each using a shared fixture, with matchers, expressions and captures)
/// loaded and checked against the OCPP catalog, as `chargecheck lint` does.
enum LintWorkload {
    static let fileCount = 1_000
    static let rounds = 5

    static func measure() throws(BenchError) -> WorkloadResult {
        let folder = NSTemporaryDirectory() + "chargecheck-bench-lint-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try writeFiles(into: folder)
        } catch {
            throw BenchError("lint: cannot write the scenario files into \(folder): \(error.localizedDescription)")
        }
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<rounds {
            let cpuStart = ProcessMeasures.cpuSeconds()
            let start = ContinuousClock.now
            let result = ScenarioLoader().load(paths: [folder])
            wall.append(ProcessMeasures.seconds(since: start))
            cpu.append(ProcessMeasures.cpuSeconds() - cpuStart)
            guard result.diagnostics.isEmpty, result.scenarios.count == fileCount else {
                throw BenchError("lint: the generated files did not lint cleanly: \(result.diagnostics.prefix(3))")
            }
        }
        wall.sort()
        cpu.sort()
        return WorkloadResult(workload: "lint", parameters: [("files", .integer(fileCount)), ("rounds", .integer(rounds))], figures: [
            Figure("wallSeconds", "wall time (median)", wall[rounds / 2], unit: "s", target: .below(1)),
            Figure("wallSecondsBest", "wall time (best)", wall[0], unit: "s"),
            Figure("cpuSeconds", "CPU time (median)", cpu[rounds / 2], unit: "s"),
        ])
    }

    private static func writeFiles(into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/fixtures", withIntermediateDirectories: true)
        try """
            fixture: Booted station
            given: { interval: 300 }
            steps:
              - expect: BootNotification
                match: { chargePointVendor: { $type: string, $len: { $gte: 1 } } }
                reply: { status: Accepted, currentTime: "${now()}", interval: "${interval}" }
                capture: { vendor: payload.chargePointVendor }
            """.write(toFile: folder + "/fixtures/booted.yaml", atomically: true, encoding: .utf8)
        for index in 0..<fileCount {
            try scenario(index).write(toFile: folder + "/scenario-\(index).yaml", atomically: true, encoding: .utf8)
        }
    }

    private static func scenario(_ index: Int) -> String {
        """
        scenario: Generated scenario \(index)
        id: bench.\(index)
        tags: [bench, TC_\(String(format: "%03d", index % 107))_CS]
        requires: { messages: [RemoteStartTransaction, StartTransaction, MeterValues], connectors: 1 }
        given: { connector: \(index % 4 + 1), idTag: TAG-\(index) }
        uses: fixtures/booted.yaml
        replies:
          Heartbeat: { reply: { currentTime: "${now()}" } }
        steps:
          - action: plug
            connector: "${connector}"
          - send: RemoteStartTransaction
            with: { connectorId: "${connector}", idTag: "${idTag}" }
            match: { status: Accepted }
          - expect: StartTransaction
            within: 60s
            match:
              connectorId: "${connector}"
              idTag: "${idTag}"
              meterStart: { $type: integer, $gte: 0 }
              timestamp: { $type: datetime }
            reply: { transactionId: \(1000 + index), idTagInfo: { status: Accepted } }
            capture: { transactionId: reply.transactionId, meterStart: payload.meterStart }
          - repeat:
              - expect: MeterValues
                match:
                  transactionId: "${transactionId}"
                  meterValue: { $each: { sampledValue: { $len: { $gte: 1 } } } }
                capture: { energy: "number(payload.meterValue[0].sampledValue[0].value)" }
              - assert: energy >= meterStart
            times: 3
          - send: RemoteStopTransaction
            with: { transactionId: "${transactionId}" }
            match: { status: { $oneOf: [Accepted, Rejected] } }
          - expect: StopTransaction
            match: { transactionId: "${transactionId}", meterStop: { $gte: "${meterStart}" } }
            reply: { idTagInfo: { status: Accepted } }
          - log: done with ${vendor} on connector ${connector}
        """
    }
}
