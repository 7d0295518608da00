import OCPP
import Runner

/// A run as JSON: the whole result model (run, stations, connections, scenarios, steps, findings, suite verdicts with
/// their coverage matrices, every trace record), for other tools to build on. The format is described by the JSON
/// Schema `docs/report-schema.json` and in `docs/reports.md`; ``formatVersion`` changes when a change could break a
/// reader (new fields do not change it).
public struct JSONReport: Sendable {
    /// The `version` field of the documents this writer produces.
    public static let formatVersion = 1

    public init() {}

    /// The document as a JSON value.
    public func value(of result: RunResult) -> JSONValue {
        ReportJSON.run(result)
    }

    /// The document as indented JSON text, ending with a newline.
    public func render(_ result: RunResult) -> String {
        PrettyJSON.text(value(of: result))
    }
}
