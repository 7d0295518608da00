import Foundation

/// Writes `--help` text and usage lines from the declared options and arguments.
enum HelpFormatter {
    /// `usage: chargecheck lint <path> ... [--format <format>]`
    static func usage(of command: any Command.Type) -> String {
        var parts = ["chargecheck", command.name]
        for argument in command.arguments {
            let base = "<\(argument.name)>" + (argument.isRepeating ? " ..." : "")
            parts.append(argument.isRequired ? base : "[\(base)]")
        }
        for option in command.options {
            switch option.kind {
            case .flag: parts.append("[\(option.name)]")
            case .value: parts.append("[\(option.name) <\(option.valueName)>]")
            case .repeated: parts.append("[\(option.name) <\(option.valueName)> ...]")
            }
        }
        return "usage: " + parts.joined(separator: " ")
    }

    /// The whole help of a command.
    static func help(of command: any Command.Type) -> String {
        var lines = ["OVERVIEW: \(command.abstract)", ""]
        if !command.discussion.isEmpty { lines += [command.discussion, ""] }
        lines += [usage(of: command).replacingFirst("usage: ", with: "USAGE: "), ""]
        if !command.arguments.isEmpty {
            lines.append("ARGUMENTS:")
            lines += table(command.arguments.map { ("<\($0.name)>", $0.help) })
            lines.append("")
        }
        lines.append("OPTIONS:")
        lines += table((command.options + [OptionSpec.help]).map { option in
            let names = (option.shortName.map { "\($0), " } ?? "") + option.name + (option.kind == .flag ? "" : " <\(option.valueName)>")
            var help = option.help
            if let choices = option.choices { help += " One of: \(choices.joined(separator: ", "))." }
            if let defaultValue = option.defaultValue { help += " (default: \(defaultValue))" }
            if option.kind == .repeated { help += " May be repeated." }
            return (names, help)
        })
        return lines.joined(separator: "\n")
    }

    /// The top-level help: the commands.
    static func overview(commands: [any Command.Type], version: String) -> String {
        var lines = [
            "OVERVIEW: chargecheck \(version): test OCPP 1.6J charging stations with YAML scenarios.", "",
            "USAGE: chargecheck <command> [<arguments>] [<options>]", "",
            "COMMANDS:",
        ]
        lines += table(commands.map { ($0.name, $0.abstract) })
        lines += ["", "OPTIONS:"]
        lines += table([("-h, --help", "Show this help, or a command's help with 'chargecheck help <command>'."), ("--version", "Show the version.")])
        return lines.joined(separator: "\n")
    }

    /// Two aligned columns.
    private static func table(_ rows: [(String, String)]) -> [String] {
        let width = min(28, (rows.map(\.0.count).max() ?? 0) + 2)
        return rows.map { left, right in
            let padded = left.count >= width ? left + "  " : left + String(repeating: " ", count: width - left.count)
            return "  " + padded + right
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
