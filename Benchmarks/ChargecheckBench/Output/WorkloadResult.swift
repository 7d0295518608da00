import Foundation
import OCPP

/// One measured figure, with the target it is held against when the issue sets one.
struct Figure: Sendable {
    /// How a figure compares with its target.
    enum Target: Sendable {
        case atLeast(Double)
        case atMost(Double)
        case below(Double)

        func isMet(by value: Double) -> Bool {
            switch self {
            case .atLeast(let bound): value >= bound
            case .atMost(let bound): value <= bound
            case .below(let bound): value < bound
            }
        }

        var text: String {
            switch self {
            case .atLeast(let bound): "≥ \(Figure.format(bound))"
            case .atMost(let bound): "≤ \(Figure.format(bound))"
            case .below(let bound): "< \(Figure.format(bound))"
            }
        }
    }

    /// A short key for JSON (`roundTripsPerSecond`).
    var key: String
    /// The label of the table row (`round trips/s`).
    var label: String
    var value: Double
    var unit: String
    var target: Target?

    init(_ key: String, _ label: String, _ value: Double, unit: String = "", target: Target? = nil) {
        self.key = key
        self.label = label
        self.value = value
        self.unit = unit
        self.target = target
    }

    /// Numbers as people read them: thousands grouped, fractions only where they matter.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if abs(value) >= 100 || value == value.rounded() { return Int(value.rounded()).formatted() }
        if abs(value) >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }
}

/// What one run of one workload measured.
struct WorkloadResult: Sendable {
    var workload: String
    /// What the run was asked to do (stations, seconds, transport, target URL…), in order.
    var parameters: [(String, JSONValue)]
    var figures: [Figure]
    /// Remarks for the reader (what limited a figure, a child's complaint); empty when all went as planned.
    var notes: [String] = []

    /// Whether every figure with a target met it.
    var targetsMet: Bool {
        figures.allSatisfy { figure in figure.target.map { $0.isMet(by: figure.value) } ?? true }
    }

    /// One JSON object: name, parameters, figures (value, unit, target, met), notes, machine.
    func json(machine: MachineFacts) -> JSONValue {
        var figureMembers: [(String, JSONValue)] = []
        for figure in figures {
            var members: [(String, JSONValue)] = [("value", .decimal(figure.value)), ("unit", .string(figure.unit))]
            if let target = figure.target {
                members += [("target", .string(target.text)), ("met", .bool(target.isMet(by: figure.value)))]
            }
            figureMembers.append((figure.key, .object(JSONObject(pairs: members))))
        }
        return .object(JSONObject(pairs: [
            ("name", .string(workload)),
            ("parameters", .object(JSONObject(pairs: parameters))),
            ("figures", .object(JSONObject(pairs: figureMembers))),
            ("notes", .array(notes.map { .string($0) })),
            ("machine", machine.json),
        ]))
    }

    /// The human table.
    func table() -> String {
        let parameterText = parameters.map { name, value in
            if case .string(let text) = value { return "\(name) \(text)" }
            return "\(name) \(value.jsonText)"
        }.joined(separator: ", ")
        var rows: [[String]] = [["figure", "value", "unit", "target", ""]]
        for figure in figures {
            let verdict = figure.target.map { $0.isMet(by: figure.value) ? "met" : "MISSED" } ?? ""
            rows.append([figure.label, Figure.format(figure.value), figure.unit, figure.target?.text ?? "", verdict])
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = ["\(workload): \(parameterText)"]
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column == 1 ? String(repeating: " ", count: widths[column] - cell.count) + cell
                    : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            lines.append("  " + cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if index == 0 { lines.append("  " + String(repeating: "-", count: widths.reduce(0, +) + 8)) }
        }
        lines += notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension JSONObject {
    /// An object of `(key, value)` pairs in order.
    init(pairs: [(String, JSONValue)]) {
        self.init(pairs.map { Member(key: $0.0, value: $0.1) })
    }
}
