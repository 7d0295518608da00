import Foundation

/// Bounds how many scenario cases run at once. Swift Testing starts every case of a parameterized test together; a
/// hundred emulator runs starting at once on a small machine delay frames by seconds, and a scaled timing window
/// (a heartbeat's tolerance) then fails. Emulator runs take one of `width` slots; runs against a live station take
/// the only slot of their own gate (a station runs one scenario at a time, and its listener's port is taken once).
actor ScenarioRunSlots {
    /// The environment variable that sets how many emulator runs go at once (default: twice the processor count).
    static let widthVariable = "CHARGECHECK_PARALLEL_RUNS"

    /// The gate of emulator runs.
    static let emulator = ScenarioRunSlots(width: configuredWidth)
    /// The gate of live-station runs: one at a time.
    static let station = ScenarioRunSlots(width: 1)

    static var configuredWidth: Int {
        if let text = ProcessInfo.processInfo.environment[widthVariable], let width = Int(text), width > 0 { return width }
        return max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    }

    private let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) {
        self.width = width
    }

    /// Runs `body` once a slot is free (waiters go first come, first served).
    func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if running < width {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot to the first waiter, or frees it.
    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
