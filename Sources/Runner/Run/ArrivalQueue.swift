/// Stations in the order they first connected, for the runner to wait on.
actor ArrivalQueue {
    private(set) var channels: [StationChannel] = []
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiterId = 0

    func add(_ channel: StationChannel) {
        channels.append(channel)
        let woken = waiters
        waiters = [:]
        for continuation in woken.values { continuation.resume() }
    }

    /// Suspends until more than `count` stations have arrived (or the task is cancelled).
    func waitForMore(than count: Int) async {
        guard channels.count <= count else { return }
        let id = nextWaiterId
        nextWaiterId += 1
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled || channels.count > count {
                    continuation.resume()
                } else {
                    waiters[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.wake(id) }
        }
    }

    private func wake(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
