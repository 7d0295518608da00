import Runner

/// The report formats `--report FORMAT:FILE` accepts.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// JUnit XML for CI test reporters.
    case junit
    /// The whole result model as JSON (`docs/report-schema.json`).
    case json
    /// One self-contained HTML file for people.
    case html

    /// The report of `result` in this format.
    public func render(_ result: RunResult) -> String {
        switch self {
        case .junit: JUnitReport().render(result)
        case .json: JSONReport().render(result)
        case .html: HTMLReport().render(result)
        }
    }
}
