import CEpoll
import Foundation
import Glibc
import Locking
import Synchronization

/// Something registered with an ``EventLoop`` that reacts to readiness of one file descriptor.
/// Called only on the loop's thread.
protocol EventHandler: AnyObject {
    func handle(events: UInt32)
}

/// One epoll thread that owns its sockets and `SSL*` objects and also runs tasks as a `TaskExecutor`.
///
/// Connection tasks started with `Task(executorPreference: loop)` run on the same thread that does their I/O,
/// so no socket or TLS object is ever touched from two threads. Being one thread, it also serves as the serial
/// executor of actors that serve its connections (``serialExecutor``, e.g. an OCPP session), so a message goes from
/// the socket through the actor to the answer without waking another thread.
public final class EventLoop: TaskExecutor, @unchecked Sendable {
    // Thread-safety: `inbox` is behind a lock and `loopThread` is atomic; every other stored `var` (handlers,
    // timers, scratch buffer) is touched only on the loop thread, which `assertOnLoop`-style checks guard.

    /// The process-wide loop that servers and clients use unless told otherwise.
    public static let shared: EventLoop = {
        ResourceLimits.raiseOpenFileLimit()
        signal(SIGPIPE, SIG_IGN)
        return EventLoop(name: "websocket-loop")
    }()

    private enum Work {
        case job(UnownedJob)
        /// A job of an actor whose serial executor is this loop (see ``LoopSerialExecutor``).
        case actorJob(UnownedJob, UnownedSerialExecutor)
        case closure(@Sendable () -> Void)
    }

    private let epollFD: Int32
    private let wakeFD: Int32
    private let inbox = Locked<[Work]>([])
    private let loopThread = Atomic<UInt>(0)
    private var handlers: [Int32: EventHandler] = [:]
    private var timers = TimerQueue()
    /// A reusable receive buffer for the loop's sockets.
    var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    private init(name: String) {
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data_t(fd: wakeFD))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// Whether the caller runs on this loop's thread.
    var inLoop: Bool { loopThread.load(ordering: .relaxed) == UInt(pthread_self()) }

    // MARK: TaskExecutor

    /// Runs `job` on the loop thread, between I/O events.
    public func enqueue(_ job: consuming ExecutorJob) {
        submit(.job(UnownedJob(job)))
    }

    /// This loop as the serial executor of an actor: its jobs run on the loop thread, isolated to the actor.
    public var serialExecutor: LoopSerialExecutor { LoopSerialExecutor(loop: self) }

    /// Runs an actor's `job` on the loop thread with `executor` as its isolation.
    func enqueue(actorJob job: UnownedJob, isolatedTo executor: UnownedSerialExecutor) {
        submit(.actorJob(job, executor))
    }

    /// Runs `body` on the loop thread, soon.
    func execute(_ body: @escaping @Sendable () -> Void) {
        submit(.closure(body))
    }

    private func submit(_ work: Work) {
        let wasEmpty = inbox.withLock { inbox in
            inbox.append(work)
            return inbox.count == 1
        }
        if wasEmpty && !inLoop {
            var one: UInt64 = 1
            _ = Glibc.write(wakeFD, &one, 8)
        }
    }

    // MARK: Registration (loop thread only)

    func register(_ fd: Int32, handler: EventHandler, events: UInt32) {
        handlers[fd] = handler
        var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
    }

    func modify(_ fd: Int32, events: UInt32) {
        var event = epoll_event(events: events, data: epoll_data_t(fd: fd))
        epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    func deregister(_ fd: Int32) {
        handlers[fd] = nil
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
    }

    // MARK: Timers (loop thread only)

    /// Runs `action` on the loop after `delay`; the returned id cancels it.
    @discardableResult
    func schedule(after delay: Duration, _ action: @escaping () -> Void) -> TimerQueue.ID {
        timers.schedule(at: MonotonicClock.nanoseconds() &+ delay.nanoseconds, action)
    }

    func cancelTimer(_ id: TimerQueue.ID?) {
        if let id { timers.cancel(id) }
    }

    // MARK: The loop

    private func run() {
        loopThread.store(UInt(pthread_self()), ordering: .relaxed)
        let capacity: Int32 = 512
        var events = [epoll_event](repeating: epoll_event(), count: Int(capacity))
        while true {
            let hasWork = inbox.withLock { !$0.isEmpty }
            let timeout = hasWork ? 0 : timers.millisecondsUntilNext(now: MonotonicClock.nanoseconds())
            let count = events.withUnsafeMutableBufferPointer { epoll_wait(epollFD, $0.baseAddress, capacity, timeout) }
            if count > 0 {
                for index in 0..<Int(count) {
                    let fd = events[index].data.fd
                    if fd == wakeFD {
                        var value: UInt64 = 0
                        _ = Glibc.read(wakeFD, &value, 8)
                    } else {
                        handlers[fd]?.handle(events: events[index].events)
                    }
                }
            }
            for action in timers.takeDue(now: MonotonicClock.nanoseconds()) { action() }
            runInbox()
        }
    }

    private func runInbox() {
        let work = inbox.withLock { inbox in
            let taken = inbox
            inbox.removeAll(keepingCapacity: true)
            return taken
        }
        for item in work {
            switch item {
            case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
            case .actorJob(let job, let executor): job.runSynchronously(isolatedTo: executor, taskExecutor: asUnownedTaskExecutor())
            case .closure(let body): body()
            }
        }
    }
}

/// Nanoseconds of `CLOCK_MONOTONIC`.
enum MonotonicClock {
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped at zero.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
