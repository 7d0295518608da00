import Foundation

/// Re-validates a recorded JSON-lines message trace offline: every frame against OCPP-J and the catalog,
/// correlation of responses to CALLs, every CALL answered, one outstanding CALL per direction.
///
/// Works on any tool's trace that writes the fields of `docs/trace-format.md` (at least `raw` and `from`).
public enum CheckTrace {
    /// What a check found.
    public struct Result: Sendable {
        /// Every finding, in trace order; each `location` is `source:line`.
        public let findings: [OCPPFinding]
        /// Lines that held a record.
        public let recordCount: Int
        /// Records that were frames (CALL, CALLRESULT, CALLERROR, malformed or binary).
        public let frameCount: Int
        /// Distinct connections seen.
        public let connectionCount: Int

        /// Findings that break the specification.
        public var errorCount: Int { findings.filter { $0.severity == .error }.count }
        /// Findings that are tolerated but worth fixing.
        public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
        /// Whether the trace shows no error.
        public var passed: Bool { errorCount == 0 }

        /// The findings, one block each, and a summary line.
        public var text: String {
            var lines = findings.map(\.description)
            lines.append("checked \(recordCount) records (\(frameCount) frames, \(connectionCount) connection\(connectionCount == 1 ? "" : "s")): "
                + "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")")
            return lines.joined(separator: "\n")
        }
    }

    /// Checks the trace file at `path`; throws when it cannot be read.
    public static func check(fileAt path: String, mode: ValidationMode = .strict,
                             catalog: OCPPCatalog = .v16) throws(TraceFileError) -> Result {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TraceFileError(path: path, reason: "cannot read it as UTF-8 text (\(error.localizedDescription))")
        }
        return check(text: text, source: path, mode: mode, catalog: catalog)
    }

    /// Checks trace `text`; `source` names it in locations.
    public static func check(text: String, source: String = "trace", mode: ValidationMode = .strict,
                             catalog: OCPPCatalog = .v16) -> Result {
        var walk = Walk(source: source, validator: PayloadValidator(mode: mode, catalog: catalog))
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            walk.line(trimmed, number: lineNumber)
        }
        walk.finishAll()
        return Result(findings: walk.findings, recordCount: walk.recordCount, frameCount: walk.frameCount,
                      connectionCount: walk.connections.count)
    }

    /// The state of one pass over a trace.
    struct Walk {
        let source: String
        let validator: PayloadValidator
        var checkers: [String: ConversationChecker] = [:]
        var callLines: [String: [String: Int]] = [:]
        var connections: Set<String> = []
        var findings: [OCPPFinding] = []
        var recordCount = 0
        var frameCount = 0

        init(source: String, validator: PayloadValidator) {
            self.source = source
            self.validator = validator
        }

        mutating func report(_ finding: OCPPFinding, line: Int) {
            var finding = finding
            finding.location = "\(source):\(line)"
            findings.append(finding)
        }

        mutating func formatProblem(_ message: String, line: Int) {
            report(OCPPFinding(.traceFormat, .error, message), line: line)
        }

        mutating func line(_ text: String, number: Int) {
            let record: JSONObject
            do {
                guard case .object(let object) = try JSONParser().parse(text) else {
                    formatProblem("the line is not a JSON object", line: number)
                    return
                }
                record = object
            } catch {
                formatProblem("the line is not JSON: \(error)", line: number)
                return
            }
            recordCount += 1
            let connection = record["conn"]?.stringValue ?? "-"
            connections.insert(connection)
            let type = record["type"]?.stringValue
            switch type {
            case TraceRecord.Kind.opened.rawValue:
                finish(connection)
                return
            case TraceRecord.Kind.closed.rawValue:
                finish(connection)
                return
            default:
                break
            }
            guard let sender = record["from"]?.stringValue.flatMap(OCPPRole.init(rawValue:)) else {
                formatProblem("the record has no \"from\" (chargePoint or centralSystem)", line: number)
                return
            }
            guard let raw = record["raw"]?.stringValue else {
                formatProblem("the record has no \"raw\" frame text", line: number)
                return
            }
            frameCount += 1
            if type == TraceRecord.Kind.binary.rawValue {
                report(OCPPFinding(.binaryFrame, .error, "the \(sender.displayName) sent a binary message; OCPP-J uses text messages only",
                                   sender: sender, raw: raw), line: number)
                return
            }
            var checker = checkers[connection] ?? ConversationChecker(validator: validator)
            defer { checkers[connection] = checker }
            let parsed: ParsedFrame
            do {
                parsed = try OCPPFrame.parse(raw, lenient: validator.mode == .lenient)
            } catch {
                report(checker.observeMalformed(raw: raw, error: error, from: sender), line: number)
                return
            }
            if let id = record["id"]?.stringValue, id != parsed.frame.id {
                report(OCPPFinding(.traceFormat, .warning, "the record's id \"\(id)\" differs from the frame's \"\(parsed.frame.id)\"",
                                   sender: sender, messageId: parsed.frame.id, raw: raw), line: number)
            }
            if case .call(let id, _, _) = parsed.frame { callLines[connection, default: [:]][id] = number }
            for finding in checker.observe(parsed, raw: raw, from: sender).findings {
                report(finding, line: number)
            }
        }

        /// Ends a connection: its unanswered CALLs are reported at the line of each CALL.
        mutating func finish(_ connection: String) {
            guard var checker = checkers.removeValue(forKey: connection) else { return }
            for finding in checker.finish() {
                let line = finding.messageId.flatMap { callLines[connection]?[$0] } ?? 0
                report(finding, line: line)
            }
            callLines[connection] = nil
        }

        mutating func finishAll() {
            for connection in checkers.keys.sorted() { finish(connection) }
        }
    }
}
