import Foundation
import OCPP
import Runner

/// The messages between a station and the central system during one scenario, drawn as an SVG sequence diagram:
/// two lifelines, one arrow per frame in trace order (CALLs solid, CALLRESULTs dashed, CALLERRORs and malformed frames
/// red), connection openings and closings as bands across both lifelines, CALLs that never got an answer marked as
/// timed out, failed steps marked where they failed, and long pauses shortened with their length written out.
/// Each arrow links to its raw frame in the report (`frameLink`) and shows the raw text as a tooltip.
struct SequenceDiagram {
    /// One row of the diagram.
    enum Row {
        case frame(TraceRecord, unanswered: Bool)
        case connection(TraceRecord)
        case pause(TimeInterval)
        case stepProblem(title: String, message: String, anchor: String)
    }

    static let width = 860.0
    static let stationX = 190.0
    static let centralX = 770.0
    static let headerHeight = 46.0
    static let rowHeight = 30.0
    /// Gaps longer than this get a pause row.
    static let pauseThreshold: TimeInterval = 5

    let rows: [Row]
    let start: Date
    let stationName: String

    /// The diagram of `records` (one scenario's frames), with `unansweredCalls` (sequence numbers of CALLs never answered in
    /// the whole station trace) marked, and `problems` (steps that failed, with the time they ended) placed in time.
    init(records: [TraceRecord], start: Date, stationName: String, unansweredCalls: Set<Int>,
         problems: [(time: Date, title: String, message: String, anchor: String)]) {
        self.start = start
        self.stationName = stationName
        // Frames in trace order; each problem goes after the last frame that came before it.
        var timed: [(time: Date, row: Row)] = []
        var pending = problems.sorted { $0.time < $1.time }[...]
        for record in records {
            while let problem = pending.first, problem.time < record.time {
                timed.append((problem.time, .stepProblem(title: problem.title, message: problem.message, anchor: problem.anchor)))
                pending = pending.dropFirst()
            }
            switch record.kind {
            case .opened, .closed: timed.append((record.time, .connection(record)))
            default: timed.append((record.time, .frame(record, unanswered: unansweredCalls.contains(record.sequence))))
            }
        }
        timed += pending.map { ($0.time, .stepProblem(title: $0.title, message: $0.message, anchor: $0.anchor)) }
        var rows: [Row] = []
        var previous = start
        for item in timed {
            let gap = item.time.timeIntervalSince(previous)
            if gap > Self.pauseThreshold { rows.append(.pause(gap)) }
            previous = max(previous, item.time)
            rows.append(item.row)
        }
        self.rows = rows
    }

    /// The sequence numbers of CALLs in `trace` that no CALLRESULT or CALLERROR of the other side answered on the
    /// same connection.
    static func unansweredCalls(in trace: [TraceRecord]) -> Set<Int> {
        var open: [String: Int] = [:]
        for record in trace {
            guard let messageId = record.messageId else { continue }
            let key = "\(record.connectionId) \(record.sender.rawValue) \(messageId)"
            switch record.kind {
            case .call: open[key] = record.sequence
            case .callResult, .callError: open["\(record.connectionId) \(record.sender.peer.rawValue) \(messageId)"] = nil
            default: break
            }
        }
        return Set(open.values)
    }

    /// The SVG; `frameLink` gives the anchor of a frame's raw text.
    func svg(frameLink: (Int) -> String) -> Markup {
        let height = Self.headerHeight + Double(rows.count) * Self.rowHeight + 16
        var body: [Markup] = []
        for (index, row) in rows.enumerated() {
            let y = Self.headerHeight + Double(index) * Self.rowHeight + Self.rowHeight / 2 + 4
            body.append(markup(of: row, y: y, frameLink: frameLink))
        }
        let lifelines: Markup = """
            <line class="lifeline" x1="\(Self.stationX)" y1="34" x2="\(Self.stationX)" y2="\(height - 6)"/>\
            <line class="lifeline" x1="\(Self.centralX)" y1="34" x2="\(Self.centralX)" y2="\(height - 6)"/>\
            <rect class="actor" x="\(Self.stationX - 90)" y="4" width="180" height="30" rx="4"/>\
            <text class="actor-name" x="\(Self.stationX)" y="24">Station \(stationName)</text>\
            <rect class="actor" x="\(Self.centralX - 84)" y="4" width="168" height="30" rx="4"/>\
            <text class="actor-name" x="\(Self.centralX)" y="24">Chargecheck (CSMS)</text>
            """
        return """
            <svg class="sequence" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.width) \(height)" \
            width="\(Self.width)" height="\(height)" role="img" aria-label="Sequence diagram">\(lifelines)\(body)</svg>
            """
    }

    private func markup(of row: Row, y: Double, frameLink: (Int) -> String) -> Markup {
        switch row {
        case .frame(let record, let unanswered):
            return arrow(record, unanswered: unanswered, y: y, link: frameLink(record.sequence))
        case .connection(let record):
            let opened = record.kind == .opened
            let text = (opened ? "connected" : "disconnected") + (record.note.map { ": \($0)" } ?? "")
            return """
                <a href="#\(frameLink(record.sequence))"><g class="connection \(opened ? "opened" : "closed")" \
                data-seq="\(record.sequence)"><title>\(text)</title>\(timeLabel(record.time, y: y))\
                <rect x="\(Self.stationX - 6)" y="\(y - 11)" width="\(Self.centralX - Self.stationX + 12)" height="18" rx="3"/>\
                <text x="\((Self.stationX + Self.centralX) / 2)" y="\(y + 2)">\(opened ? "⇄" : "✗") \(text)</text></g></a>
                """
        case .pause(let seconds):
            return """
                <g class="pause"><text x="\((Self.stationX + Self.centralX) / 2)" y="\(y + 2)">⋯ \(NumberText.duration(seconds)) pass ⋯</text></g>
                """
        case .stepProblem(let title, let message, let anchor):
            return """
                <a href="#\(anchor)"><g class="step-problem"><title>\(title): \(message)</title>\
                <rect x="8" y="\(y - 12)" width="\(Self.width - 16)" height="20" rx="3"/>\
                <text x="16" y="\(y + 2)">✗ \(title): \(message.shortened(to: 96))</text></g></a>
                """
        }
    }

    private func arrow(_ record: TraceRecord, unanswered: Bool, y: Double, link: String) -> Markup {
        let fromStation = record.sender == .chargePoint
        let (x1, x2) = fromStation ? (Self.stationX, Self.centralX) : (Self.centralX, Self.stationX)
        let direction = x2 > x1 ? 1.0 : -1.0
        let kind = switch record.kind {
        case .call: "call"
        case .callResult: "result"
        case .callError: "error"
        default: "malformed"
        }
        var label = TraceText.label(record)
        if let gist = FrameSummary.gist(record) { label += " · \(gist)" }
        let head: Markup = """
            <polygon points="\(x2),\(y) \(x2 - direction * 9),\(y - 4.5) \(x2 - direction * 9),\(y + 4.5)"/>
            """
        let timeout: Markup = unanswered ? """
            <text class="timeout" x="\(x2 - direction * 14)" y="\(y + 14)" style="text-anchor: \(direction > 0 ? "end" : "start")">✗ no answer (timed out)</text>
            """ : .empty
        return """
            <a href="#\(link)"><g class="frame \(kind)\(unanswered ? " unanswered" : "")" data-seq="\(record.sequence)">\
            <title>#\(record.sequence) \(record.raw.shortened(to: 600))</title>\(timeLabel(record.time, y: y))\
            <line x1="\(x1)" y1="\(y)" x2="\(x2 - direction * 8)" y2="\(y)"/>\(head)\
            <text x="\((x1 + x2) / 2)" y="\(y - 5)">\(label.shortened(to: 72))</text>\(timeout)</g></a>
            """
    }

    private func timeLabel(_ time: Date, y: Double) -> Markup {
        "<text class=\"time\" x=\"8\" y=\"\(y + 4)\">\(NumberText.offset(time.timeIntervalSince(start)))</text>"
    }
}
