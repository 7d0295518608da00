import Foundation

/// Runs the chosen workloads in order (at N and 2N with `--scaling`), printing each result as it comes.
struct BenchRun: Sendable {
    let options: BenchOptions
    let machine = MachineFacts.current()

    /// The process exit status: 0 when every workload ran, 1 when one failed.
    func run() async -> Int32 {
        if !options.json {
            print("chargecheck-bench on \(machine.summary)\n")
            if machine.build != "release" { print("warning: a debug build; figures mean little (swift build -c release)\n") }
        }
        var failed = false
        for workload in options.workloads {
            for stations in stationCounts(workload) {
                do {
                    show(try await measure(workload, stations: stations))
                } catch {
                    failed = true
                    FileHandle.standardError.write(Data("\(workload.rawValue): \(error)\n".utf8))
                }
            }
        }
        return failed ? 1 : 0
    }

    /// N (the option, else the workload's default), and 2N with `--scaling`; one unused count for the others.
    private func stationCounts(_ workload: WorkloadName) -> [Int] {
        let defaults: [WorkloadName: Int] = [.throughput: 1_000, .connections: 10_000, .fleet: 10_000]
        let count = options.stations ?? defaults[workload] ?? 0
        return options.scaling && workload.scales ? [count, 2 * count] : [count]
    }

    private func measure(_ workload: WorkloadName, stations: Int) async throws(BenchError) -> WorkloadResult {
        switch workload {
        case .throughput: try await ThroughputWorkload.measure(stations: stations, options: options)
        case .connections: try await ConnectionsWorkload.measure(stations: stations, options: options)
        case .handshakes: try await HandshakesWorkload.measure(options: options)
        case .fleet: try await FleetWorkload.measure(stations: stations, options: options)
        case .parse: try ParseWorkload.measure()
        case .lint: try LintWorkload.measure()
        case .suite: try await SuiteWorkload.measure(options: options)
        }
    }

    private func show(_ result: WorkloadResult) {
        if options.json {
            print(result.json(machine: machine).jsonText)
        } else {
            print(result.table() + "\n")
        }
        fflush(nil)
    }
}
