import OCPP

/// Collects the elements of an async sequence so a test can await the next one with a bound on the wait.
actor Mailbox<Element: Sendable> {
    var buffer: [Element] = []
    var waiter: (token: Int, continuation: CheckedContinuation<Element?, Never>)?
    var tokens = 0
    var finished = false

    /// A mailbox fed by `stream` until it ends.
    init(_ stream: AsyncStream<Element>) {
        Task { [weak self] in
            for await element in stream { await self?.put(element) }
            await self?.finish()
        }
    }

    func put(_ element: Element) {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume(returning: element)
        } else {
            buffer.append(element)
        }
    }

    func finish() {
        finished = true
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume(returning: nil)
        }
    }

    /// The next element, or `nil` when the stream ended or nothing came within `limit`.
    func next(within limit: Duration = .seconds(10)) async -> Element? {
        if !buffer.isEmpty { return buffer.removeFirst() }
        if finished { return nil }
        tokens += 1
        let token = tokens
        let timer = Task { [weak self] in
            do { try await Task.sleep(for: limit) } catch { return }
            await self?.expire(token)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { waiter = (token, $0) }
    }

    func expire(_ token: Int) {
        guard let waiter, waiter.token == token else { return }
        self.waiter = nil
        waiter.continuation.resume(returning: nil)
    }

    /// The first element that satisfies `predicate`, skipping others; `nil` if none comes within `limit` each.
    func first(within limit: Duration = .seconds(10), where predicate: @Sendable (Element) -> Bool) async -> Element? {
        while let element = await next(within: limit) {
            if predicate(element) { return element }
        }
        return nil
    }
}
