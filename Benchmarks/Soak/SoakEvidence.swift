import Foundation

/// What the run left behind, read back for the checks: the JSON report's verdicts and the trace's frame counts.
struct SoakEvidence {
    /// Per station identity: the verdict of each scenario, in plan order (`nil` for a scenario without one).
    var verdicts: [String: [String?]] = [:]
    /// Per station identity: CALLs the station sent and CALLs the central system sent, as recorded in the trace.
    var stationCalls: [String: Int] = [:]
    var centralCalls: [String: Int] = [:]
    var traceLines = 0
    var reportErrors: [String] = []
    var verdictCounts: [String: Int] = [:]

    /// Reads the JSON report (stations → scenarios → verdict) and counts the trace's CALL lines per station and sender.
    init(report: URL, trace: URL) throws(SoakSetupError) {
        guard let data = try? Data(contentsOf: report),
              let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw SoakSetupError("the JSON report \(report.path) is missing or not JSON")
        }
        reportErrors = root["errors"] as? [String] ?? []
        for station in root["stations"] as? [[String: Any]] ?? [] {
            guard let identity = station["identity"] as? String else { continue }
            let scenarios = station["scenarios"] as? [[String: Any]] ?? []
            verdicts[identity] = scenarios.map { $0["verdict"] as? String }
            for verdict in scenarios.compactMap({ $0["verdict"] as? String }) { verdictCounts[verdict, default: 0] += 1 }
        }
        guard let handle = try? FileHandle(forReadingFrom: trace) else {
            throw SoakSetupError("the trace \(trace.path) is missing")
        }
        defer { try? handle.close() }
        var pending = Data()
        while let chunk = try? handle.read(upToCount: 1 << 22), !chunk.isEmpty {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                count(line: pending[start..<newline])
                start = newline + 1
            }
            pending = Data(pending[start...])
        }
    }

    /// Counts one trace line (written by Chargecheck's own serializer, so its fields are found by their text).
    private mutating func count(line: Data) {
        traceLines += 1
        let text = String(decoding: line, as: UTF8.self)
        guard text.contains(#""type":"CALL""#), let key = text.range(of: #""station":""#),
              let end = text[key.upperBound...].firstIndex(of: "\"") else { return }
        let station = String(text[key.upperBound..<end])
        if text.contains(#""from":"chargePoint""#) {
            stationCalls[station, default: 0] += 1
        } else {
            centralCalls[station, default: 0] += 1
        }
    }
}
