import OCPP

/// Passes a station's trace records on to the run's recorder (which numbers them across stations and writes the
/// `--trace` file), so each station keeps its own trace, numbered from 1, for its reports.
struct ForwardingTraceSink: TraceSink {
    let recorder: TraceRecorder

    func write(_ record: TraceRecord) {
        recorder.record(record)
    }
}
