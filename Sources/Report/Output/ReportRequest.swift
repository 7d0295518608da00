/// One `--report FORMAT:FILE` option: which format to write where.
public struct ReportRequest: Sendable, Hashable, CustomStringConvertible {
    public var format: ReportFormat
    /// The file to write (relative paths are relative to the working directory).
    public var path: String

    public init(format: ReportFormat, path: String) {
        self.format = format
        self.path = path
    }

    /// Parses `junit:FILE`, `json:FILE` or `html:FILE` (the file name may itself contain colons).
    public init(parsing argument: String) throws(ReportRequestError) {
        guard let colon = argument.firstIndex(of: ":") else {
            throw ReportRequestError(argument: argument, problem: "expected FORMAT:FILE")
        }
        let name = String(argument[..<colon])
        let path = String(argument[argument.index(after: colon)...])
        guard let format = ReportFormat(rawValue: name.lowercased()) else {
            throw ReportRequestError(argument: argument, problem: "unknown format \"\(name)\"")
        }
        guard !path.isEmpty else {
            throw ReportRequestError(argument: argument, problem: "no file name after \"\(name):\"")
        }
        self.init(format: format, path: path)
    }

    /// `html:report.html`.
    public var description: String { "\(format.rawValue):\(path)" }
}

/// A `--report` value that is not `FORMAT:FILE`.
public struct ReportRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value as given.
    public var argument: String
    /// What is wrong with it.
    public var problem: String

    /// `--report "x": unknown format "x"; write junit:FILE, json:FILE or html:FILE`.
    public var description: String {
        let formats = ReportFormat.allCases.map { "\($0.rawValue):FILE" }
        return "--report \"\(argument)\": \(problem); write " + formats.dropLast().joined(separator: ", ")
            + " or \(formats.last ?? "")"
    }
}
