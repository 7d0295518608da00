import Locking

/// The children of one workload run, all stopped when the run ends, however it ends.
final class ChildGroup: Sendable {
    private let children = Locked<[ChildProcess]>([])

    /// Starts a child in `role`.
    func start(_ role: String, _ arguments: [String]) throws(BenchError) -> ChildProcess {
        let child = try ChildProcess(role: role, arguments: arguments)
        children.withLock { $0.append(child) }
        return child
    }

    /// Runs `body` with a fresh group and stops every child it started, on success and on error alike.
    static func run<Result: Sendable>(_ body: (ChildGroup) async throws(BenchError) -> Result) async throws(BenchError) -> Result {
        let group = ChildGroup()
        do {
            let result = try await body(group)
            await group.stopAll()
            return result
        } catch {
            await group.stopAll()
            throw error
        }
    }

    private func stopAll() async {
        // Stations first, so the central system does not spend its exit on their disconnects.
        for child in children.withLock({ $0.reversed() }) { await child.stop() }
    }
}
