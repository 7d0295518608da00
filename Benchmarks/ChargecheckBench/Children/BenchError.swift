/// Why a workload could not be measured: what went wrong, where, and what to do.
struct BenchError: Error, CustomStringConvertible, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { "error: \(message)" }
}
