import Foundation

/// The workloads, in the order `chargecheck-bench` runs them.
enum WorkloadName: String, CaseIterable, Sendable {
    case throughput, connections, handshakes, fleet, parse, lint, suite

    /// One line for the help.
    var abstract: String {
        switch self {
        case .throughput: "N stations (default 1,000) over ws, one MeterValues CALL each outstanding: round trips/s, latency."
        case .connections: "N stations (default 10,000) connect, boot, heartbeat: connect rate, central memory per connection."
        case .handshakes: "New mutual-TLS connections per second."
        case .fleet: "The emulator alone running N stations (default 10,000) against a minimal sink: memory per station."
        case .parse: "MeterValues frames parsed and validated per second on one core."
        case .lint: "1,000 scenario files loaded and checked."
        case .suite: "The EV24 suite against the built-in emulator: wall time."
        }
    }

    /// Whether `--scaling` runs it at N and 2N.
    var scales: Bool { self == .throughput || self == .connections || self == .fleet }
}

/// The command line of `chargecheck-bench`, parsed.
struct BenchOptions: Sendable {
    var workloads: [WorkloadName] = WorkloadName.allCases
    var json = false
    var stations: Int?
    var scaling = false
    var mutualTLS = false
    var target: String?
    var seconds: Double?
    var pki: String?
    var suitePath = "scenarios/ev24"
    /// Fleet: a number; suite: whatever `chargecheck run --time-scale` takes (a number or `max`).
    var timeScale: String?

    /// One declared option: its spelling, value placeholder (nil for a flag) and help.
    private struct Option {
        var name: String
        var short: String?
        var valueName: String?
        var help: String
    }

    private static let options: [Option] = [
        Option(name: "--json", help: "Print one JSON object per workload run (a line each) instead of tables."),
        Option(name: "--stations", short: "-n", valueName: "n", help: "N for throughput, connections and fleet (default: each workload's own)."),
        Option(name: "--scaling", help: "Run throughput, connections and fleet at N and again at 2N."),
        Option(name: "--mtls", help: "connections: over wss with mutual TLS instead of ws."),
        Option(name: "--seconds", valueName: "s", help: "Measuring time of throughput (10), connections (60), handshakes (10), fleet (10)."),
        Option(name: "--target", valueName: "url", help: "Stations of throughput, connections, handshakes load this central system (they add /IDENTITY)."),
        Option(name: "--pki", valueName: "dir", help: "Certificates for mutual TLS (ca.pem, server.pem/.key, stations/BENCH.pem/.key; else new ones)."),
        Option(name: "--suite", valueName: "path", help: "suite: the scenarios to run (default: scenarios/ev24)."),
        Option(name: "--time-scale", valueName: "factor", help: "fleet (default 1) and suite (default max: no waiting): run time per real time."),
        Option(name: "--help", short: "-h", help: "Show this help."),
    ]

    /// Parses the words after the program name.
    init(_ words: [String]) throws(BenchError) {
        var chosen: [WorkloadName] = []
        var index = 0
        func value(_ name: String) throws(BenchError) -> String {
            guard index < words.count else { throw BenchError("\(name) needs a value") }
            index += 1
            return words[index - 1]
        }
        func positive(_ name: String, _ text: String) throws(BenchError) -> Double {
            guard let number = Double(text), number > 0, number <= 1_000_000 else {
                throw BenchError("\(name) \(text): expected a number above 0")
            }
            return number
        }
        while index < words.count {
            let word = words[index]
            index += 1
            switch word {
            case "--json": json = true
            case "--scaling": scaling = true
            case "--mtls": mutualTLS = true
            case "--stations", "-n":
                let text = try value(word)
                guard let count = Int(text), count > 0, count <= 100_000 else {
                    throw BenchError("\(word) \(text): expected a whole number from 1 to 100000")
                }
                stations = count
            case "--seconds": seconds = try positive(word, value(word))
            case "--time-scale":
                let text = try value(word)
                if text != "max" { _ = try positive(word, text) }
                timeScale = text
            case "--target":
                let url = try value(word)
                guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else {
                    throw BenchError("--target \(url): expected a ws:// or wss:// URL")
                }
                target = url.hasSuffix("/") ? String(url.dropLast()) : url
            case "--pki": pki = try value(word)
            case "--suite": suitePath = try value(word)
            default:
                if let workload = WorkloadName(rawValue: word) {
                    chosen.append(workload)
                } else if word == "all" {
                    chosen += WorkloadName.allCases
                } else {
                    let known = WorkloadName.allCases.map(\.rawValue) + Self.options.map(\.name)
                    let hint = known.first { $0.hasPrefix(String(word.prefix(3))) }.map { " (did you mean '\($0)'?)" } ?? ""
                    throw BenchError("unknown workload or option '\(word)'\(hint); see 'chargecheck-bench --help'")
                }
            }
        }
        if !chosen.isEmpty { workloads = chosen }
    }

    /// Whether `--help` or `-h` is among the words.
    static func wantsHelp(_ words: [String]) -> Bool {
        words.contains("--help") || words.contains("-h") || words.first == "help"
    }

    /// The help text, in swift-argument-parser's layout.
    static var help: String {
        func table(_ rows: [(String, String)]) -> [String] {
            let width = (rows.map(\.0.count).max() ?? 0) + 2
            return rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + $0.1 }
        }
        var lines = [
            "OVERVIEW: chargecheck-bench: Chargecheck's speed and memory, measured (build it in release).", "",
            "The central system and the stations run in separate processes (this executable in hidden roles); every",
            "workload is bounded in count and time, stays on 127.0.0.1 unless --target says otherwise, and stops its",
            "processes on every path, Ctrl-C included. Child processes raise their open-file limit (setrlimit) as far",
            "as 10,000+ connections need.", "",
            "USAGE: chargecheck-bench [<workload> ...] [--json] [--stations <n>] [--scaling] [--mtls] [--seconds <s>]",
            "                         [--target <url>] [--pki <dir>] [--suite <path>] [--time-scale <factor>]", "",
            "ARGUMENTS:",
        ]
        lines += table([("<workload>", "Workloads to run, in the order given (default: all).")]
            + WorkloadName.allCases.map { ("  " + $0.rawValue, $0.abstract) })
        lines += ["", "OPTIONS:"]
        lines += table(options.map { option in
            ((option.short.map { "\($0), " } ?? "") + option.name + (option.valueName.map { " <\($0)>" } ?? ""), option.help)
        })
        lines += ["", "EXAMPLES:",
                  "  chargecheck-bench                              every workload at its default N",
                  "  chargecheck-bench throughput -n 2000 --json",
                  "  chargecheck-bench connections --mtls --seconds 20",
                  "  chargecheck-bench throughput --target ws://127.0.0.1:9000/ocpp",
                  "", "Exit status: 0 every workload ran (targets met or not: read the tables); 1 a workload failed; 2 bad command line."]
        return lines.joined(separator: "\n")
    }
}
