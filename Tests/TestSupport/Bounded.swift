/// A wait that did not finish in time.
public struct TimedOut: Error, CustomStringConvertible {
    /// What was waited for.
    public var what: String
    public var description: String { "timed out waiting for \(what)" }

    public init(what: String) {
        self.what = what
    }
}

/// Runs `body`, failing with ``TimedOut`` after `seconds` of real time. Every wait in the tests goes through this.
public func within<T: Sendable>(_ seconds: Double = 10, _ what: String,
                                _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut(what: what)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw TimedOut(what: what) }
        return first
    }
}
