import Foundation

/// The soak's checks, each printed as PASS or FAIL with the figures behind it.
struct SoakChecks {
    private(set) var lines: [String] = []
    private(set) var passed = true

    mutating func record(_ name: String, _ ok: Bool, _ detail: String) {
        passed = passed && ok
        lines.append("\(ok ? "PASS" : "FAIL")  \(name): \(detail)")
    }

    /// The memory curve, printed and written as CSV. Flat means: while the stations run after warm-up (the ramp-up plus
    /// a minute), resident memory stays within 25 % (at least 64 MiB) of its size at the end of warm-up. Writing the
    /// reports at the end (the whole run's results at once) is shown, not judged.
    mutating func memory(_ samples: [ResourceSample], rampSeconds: Int, stationsDone: Double?, file: URL) {
        var csv = "seconds,rss_kib,open_fds\n"
        for sample in samples { csv += "\(Int(sample.elapsed)),\(sample.residentKiB),\(sample.openDescriptors)\n" }
        try? Data(csv.utf8).write(to: file)
        let step = max(1, samples.count / 24)
        lines.append("memory curve (every \(step) sample(s); all in \(file.path)):")
        for sample in samples.enumerated().filter({ $0.offset % step == 0 || $0.offset == samples.count - 1 }).map(\.element) {
            let mib = Double(sample.residentKiB) / 1024
            let phase = stationsDone.map { sample.elapsed >= $0 ? "  (reports)" : "" } ?? ""
            lines.append(String(format: "  %5d s  %7.1f MiB  %5d fds  ", Int(sample.elapsed), mib, sample.openDescriptors)
                + String(repeating: "#", count: min(80, Int(mib / 8))) + phase)
        }
        let running = samples.filter { $0.elapsed < stationsDone ?? .infinity }
        guard let warm = running.first(where: { Int($0.elapsed) >= rampSeconds + 60 }) else {
            record("memory flat after warm-up", false, "the stations were done before warm-up was over (\(samples.count) samples)")
            return
        }
        let peak = running.filter { $0.elapsed >= warm.elapsed }.map(\.residentKiB).max() ?? warm.residentKiB
        let allowed = max(warm.residentKiB * 5 / 4, warm.residentKiB + 64 * 1024)
        let reports = samples.filter { $0.elapsed >= stationsDone ?? .infinity }.map(\.residentKiB).max()
        record("memory flat after warm-up", peak <= allowed,
               "\(warm.residentKiB / 1024) MiB at \(Int(warm.elapsed)) s, peak while the stations ran \(peak / 1024) MiB "
               + "(allowed \(allowed / 1024) MiB)" + (reports.map { "; \($0 / 1024) MiB while writing the reports" } ?? ""))
    }

    /// Every emulated station is in the report with a verdict for each scenario of the plan.
    mutating func verdicts(_ evidence: SoakEvidence, fleet: [FleetProcess], planSize: Int) {
        let identities = fleet.flatMap(\.identities)
        let missing = identities.filter { evidence.verdicts[$0] == nil }
        let incomplete = identities.filter { (evidence.verdicts[$0].map { $0.count != planSize || $0.contains(nil) }) ?? false }
        let counts = evidence.verdictCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        record("every scenario of every station has a verdict", missing.isEmpty && incomplete.isEmpty,
               "\(identities.count) emulated stations, \(evidence.verdicts.count) stations in the report; verdicts: \(counts)"
               + (missing.isEmpty ? "" : "; missing: \(missing.prefix(5).joined(separator: ", "))")
               + (incomplete.isEmpty ? "" : "; incomplete: \(incomplete.prefix(5).joined(separator: ", "))"))
        if !evidence.reportErrors.isEmpty {
            lines.append("  report errors: " + evidence.reportErrors.prefix(5).joined(separator: " | "))
        }
    }

    /// Every CALL the stations sent is in the trace: per emulator process, the station CALLs in the trace are the CALLs
    /// its stations sent, except at most those they saw fail with the connection lost (the emulator counts a CALL when
    /// it tries to send it; a fault profile that drops the connection can leave one unsent). Every central-system CALL
    /// the stations received is in the trace.
    mutating func frames(_ evidence: SoakEvidence, fleet: [FleetProcess]) {
        var emulatorSent = 0, emulatorReceived = 0, traceSent = 0, traceReceived = 0, unsent = 0
        var mismatches: [String] = []
        for process in fleet {
            guard let totals = process.totals() else {
                mismatches.append("\(process.firstIdentity)…: no summary line in \(process.log.lastPathComponent)")
                continue
            }
            let sent = process.identities.reduce(0) { $0 + evidence.stationCalls[$1, default: 0] }
            let received = process.identities.reduce(0) { $0 + evidence.centralCalls[$1, default: 0] }
            emulatorSent += totals.sent
            emulatorReceived += totals.received
            traceSent += sent
            traceReceived += received
            unsent += totals.sent - sent
            if sent > totals.sent || totals.sent - sent > totals.unanswered || received < totals.received {
                mismatches.append("\(process.fault ?? process.firstIdentity): emulator sent \(totals.sent) "
                    + "(\(totals.unanswered) unanswered), trace \(sent); emulator received \(totals.received), trace sent \(received)")
            }
        }
        record("every frame that reached the central system is in the trace", mismatches.isEmpty,
               "stations sent \(emulatorSent) CALLs, the trace has \(traceSent) station CALLs (\(unsent) not in it, each "
               + "among the CALLs the station saw fail with its connection lost); the stations received \(emulatorReceived) "
               + "CALLs, the trace has \(traceReceived) central-system CALLs; \(evidence.traceLines) trace lines"
               + (mismatches.isEmpty ? "" : "; " + mismatches.prefix(6).joined(separator: "; ")))
    }

    var summary: String { (lines + [passed ? "soak: PASSED" : "soak: FAILED"]).joined(separator: "\n") }
}
