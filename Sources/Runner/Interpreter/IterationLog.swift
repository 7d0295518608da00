/// The iteration results a `repeat` keeps: the first and the last ``keptAtEachEnd`` in full, and every one that did
/// not pass (a loop stops at the first, so it is among the last); those in between passed and are only counted, so that
/// a loop of thousands of iterations keeps its result, and the run's memory, small.
struct IterationLog {
    /// How many iterations are listed at the start and at the end of a long loop (each keeps its steps' results,
    /// about 5 KB for the soak's eight steps; a thousand stations each keeping more made the soak's memory climb).
    static let keptAtEachEnd = 2

    private var iterations = EndsKept<StepResult>(keptAtEachEnd: keptAtEachEnd)

    mutating func append(_ iteration: StepResult) { iterations.append(iteration) }

    /// The iterations listed, in order.
    var listed: [StepResult] { iterations.listed }

    /// The iterations that passed and are not listed, and where they would be.
    var omitted: StepResult.UnlistedSteps? {
        iterations.unlisted > 0 ? StepResult.UnlistedSteps(after: iterations.firstCount, count: iterations.unlisted) : nil
    }
}
