import Foundation
public import Runner
import Locking
import Scenario
import YAML

/// The live console of a run: where stations should connect, a line per station event and per finished scenario
/// (with its failure), operator prompts; on a terminal also a status line redrawn every second with the current
/// scenario and step, a countdown while it waits, and each connector's last reported state. The summary table comes
/// at the end (``RunSummary``).
public final class ProgressConsole: RunObserver {
    /// Where lines go (standard output).
    let write: @Sendable (String) -> Void
    let style: ConsoleStyle
    /// Whether the status line is drawn (a terminal).
    let live: Bool
    /// The status line's state; the mutex serializes every write so lines never interleave.
    private let state = Locked(State())
    private let ticker = Locked<Task<Void, Never>?>(nil)

    struct State {
        /// What each station is doing: scenario, step, deadline of the wait.
        var current: [String: Activity] = [:]
        /// Each station's connectors and their last status.
        var connectors: [String: [Int: String]] = [:]
        var statusLineShown = false
    }

    struct Activity {
        var scenario: String
        var step: String?
        var deadline: ContinuousClock.Instant?
    }

    /// A console writing with `write`; `terminal` turns on colours and the live status line.
    public init(terminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        style = ConsoleStyle(colors: terminal)
        live = terminal
    }

    deinit {
        ticker.withLock { $0?.cancel() }
    }

    public func handle(_ event: RunEvent) {
        switch event {
        case .waitingForStations(let urls, let count, let wait):
            let bound = wait.map { " (up to \(DurationText.format($0)))" } ?? ""
            let what = count == 1 ? "a station" : "\(count) stations"
            line("Waiting for \(what)\(bound) at " + urls.map { $0 + "<identity>" }.joined(separator: " or "))
            startTicker()
        case .stationConnected(let identity, let connection):
            line("\(style.bold(identity)) connected: \(connection.security) from \(connection.peer)")
        case .stationDisconnected(let identity, let reason):
            line(style.dim("\(identity) disconnected: \(reason)"))
        case .handshakeRejected(let text):
            line(style.yellow("refused: ") + text)
        case .scenarioStarted(let station, let id, let name, let index, let total):
            state.withLock { $0.current[station] = Activity(scenario: id) }
            line("\(station) [\(index)/\(total)] \(style.bold(id))  \(style.dim(name))")
        case .stepStarted(let station, let verb, let name, let location, let waitsUpTo):
            state.withLock { state in
                state.current[station]?.step = "\(verb)\(name.map { " \"\($0)\"" } ?? "") (\(Self.shortLocation(location)))"
                state.current[station]?.deadline = waitsUpTo.map { .now + $0 }
            }
            redraw()
        case .stepFinished:
            break
        case .scenarioFinished(let station, let result):
            state.withLock { _ = $0.current.removeValue(forKey: station) }
            scenarioLines(station, result)
        case .callReceived(let station, let action, let payload):
            guard action == "StatusNotification", case .integer(let connector)? = payload["connectorId"],
                  case .string(let status)? = payload["status"] else { return }
            state.withLock { $0.connectors[station, default: [:]][connector] = status }
            redraw()
        case .operatorPrompt(let station, let prompt, let within):
            line(style.yellow(style.bold(">> \(station): \(prompt)")) + style.dim("  [Enter: done · s: skip · within \(DurationText.format(within))]"))
        case .runFinished(let result):
            ticker.withLock { $0?.cancel() }
            clearStatusLine()
            write(RunSummary.text(result, style: style))
        }
    }

    func scenarioLines(_ station: String, _ result: ScenarioResult) {
        var text = "  " + style.verdict(result.verdict) + result.id + style.dim("  " + DurationWords.seconds(result.duration))
        if result.verdict != .pass, let reason = result.reason { text += "\n      " + reason }
        if let failure = result.firstFailedStep?.failure {
            for mismatch in failure.mismatches.prefix(5) { text += "\n        \(mismatch)" }
            for violation in failure.violations.prefix(5) { text += "\n        \(violation)" }
        }
        line(text)
    }

    /// Writes a line, keeping the status line below it.
    func line(_ text: String) {
        state.withLock { state in
            if state.statusLineShown { write("\r\u{1B}[K") }
            write(text + "\n")
            state.statusLineShown = false
            drawStatus(&state)
        }
    }

    func redraw() {
        state.withLock { drawStatus(&$0) }
    }

    func clearStatusLine() {
        state.withLock { state in
            if state.statusLineShown { write("\r\u{1B}[K") }
            state.statusLineShown = false
        }
    }

    /// The status line: each active station's scenario, step, countdown and connectors (terminal only).
    private func drawStatus(_ state: inout State) {
        guard live, !state.current.isEmpty else { return }
        let parts = state.current.sorted { $0.key < $1.key }.map { station, activity in
            var part = "\(station) \(activity.scenario)"
            if let step = activity.step { part += " · \(step)" }
            if let deadline = activity.deadline {
                let left = deadline - .now
                if left > .zero { part += " · \(DurationText.format(.seconds(Int(left.components.seconds) + 1))) left" }
            }
            if let connectors = state.connectors[station], !connectors.isEmpty {
                part += " · " + connectors.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
            }
            return part
        }
        write("\r\u{1B}[K" + style.dim("⏳ " + parts.joined(separator: "  |  ")))
        state.statusLineShown = true
    }

    private func startTicker() {
        guard live else { return }
        ticker.withLock { ticker in
            guard ticker == nil else { return }
            ticker = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    self?.redraw()
                }
            }
        }
    }

    static func shortLocation(_ location: Location) -> String {
        "\((location.file as NSString).lastPathComponent):\(location.line)"
    }
}
