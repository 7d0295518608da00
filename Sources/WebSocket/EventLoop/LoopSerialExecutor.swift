/// An ``EventLoop`` seen as a serial executor: an actor returning it as its `unownedExecutor` runs on the loop
/// thread, next to the I/O of the connection it serves. The loop is one thread, so its jobs never overlap.
public final class LoopSerialExecutor: SerialExecutor {
    /// The loop the jobs run on (the shared loop lives as long as the process).
    public let loop: EventLoop

    init(loop: EventLoop) {
        self.loop = loop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        loop.enqueue(actorJob: UnownedJob(job), isolatedTo: asUnownedSerialExecutor())
    }
}
