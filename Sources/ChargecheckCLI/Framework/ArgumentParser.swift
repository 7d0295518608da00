import OCPP
import Scenario

/// Splits an argument list into options and positionals by a command's declared specs.
///
/// Accepts `--name value`, `--name=value`, `-n value`, flags, and `--` to end options.
struct ArgumentParser {
    let options: [OptionSpec]
    let arguments: [ArgumentSpec]

    func parse(_ words: [String]) throws(UsageError) -> ParsedArguments {
        var values: [String: [String]] = [:]
        var positionals: [String] = []
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.name == name || $0.shortName == name }) else {
                let hint = Suggestions.didYouMean(name, among: options.map(\.name))
                throw UsageError("unknown option '\(name)'", hint: hint)
            }
            switch option.kind {
            case .flag:
                if inlineValue != nil { throw UsageError("\(option.name) takes no value") }
                values[option.name, default: []].append("")
            case .value, .repeated:
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else if index < words.count {
                    value = words[index]
                    index += 1
                } else {
                    throw UsageError("\(option.name) needs a value <\(option.valueName)>")
                }
                if let choices = option.choices, !choices.contains(value) {
                    throw UsageError("invalid value '\(value)' for \(option.name)", hint: "choose \(choices.joined(separator: " or "))")
                }
                values[option.name, default: []].append(value)
            }
        }
        try checkPositionals(positionals)
        return ParsedArguments(values: values, positionals: positionals)
    }

    private func checkPositionals(_ positionals: [String]) throws(UsageError) {
        let required = arguments.filter(\.isRequired)
        if positionals.count < required.count, let missing = required.dropFirst(positionals.count).first {
            throw UsageError("missing <\(missing.name)>")
        }
        let repeating = arguments.contains(where: \.isRepeating)
        if !repeating, positionals.count > arguments.count {
            throw UsageError("unexpected argument '\(positionals[arguments.count])'")
        }
    }
}
