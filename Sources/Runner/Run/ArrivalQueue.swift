/// Stations in the order they first connected, for the runner to wait on.
actor ArrivalQueue {
    private(set) var channels: [StationChannel] = []
    private let arrivals = Waitlist()

    func add(_ channel: StationChannel) {
        channels.append(channel)
        arrivals.wakeAll()
    }

    /// Suspends until more than `count` stations have arrived (or the task is cancelled).
    func waitForMore(than count: Int) async {
        await arrivals.park { channels.count > count }
    }
}
