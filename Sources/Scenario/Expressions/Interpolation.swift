import Foundation
public import OCPP

/// A string with `${…}` expressions inside, parsed once at load time.
///
/// A scalar that is exactly one `${expr}` evaluates to the expression's typed value (a number stays a number);
/// anything else evaluates to a string with each expression's ``JSONValue/interpolationText`` spliced in.
/// `$${` writes a literal `${`.
public struct Interpolation: Sendable, Hashable {
    /// A piece of the string.
    public enum Part: Sendable, Hashable {
        case text(String)
        case expression(Expression)
    }

    public var parts: [Part]

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// Parses `text`; `nil` result parts means the text holds no `${`, so it is a plain string.
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Interpolation {
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x24, index + 2 < bytes.count, bytes[index + 1] == 0x24, bytes[index + 2] == 0x7B {
                literal += [0x24, 0x7B]
                index += 3
            } else if bytes[index] == 0x24, index + 1 < bytes.count, bytes[index + 1] == 0x7B {
                if !literal.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))) }
                literal = []
                let (expression, end) = try ExpressionParser.parseInterpolation(bytes: bytes, start: index + 2)
                parts.append(.expression(expression))
                index = end
            } else {
                literal.append(bytes[index])
                index += 1
            }
        }
        if !literal.isEmpty || parts.isEmpty { parts.append(.text(String(decoding: literal, as: UTF8.self))) }
        return Interpolation(parts: parts)
    }

    /// Whether `text` holds `${` anywhere (a fast byte scan; plain strings skip interpolation parsing).
    public static func mayContainExpression(_ text: String) -> Bool {
        var previousWasDollar = false
        for byte in text.utf8 {
            if previousWasDollar && byte == 0x7B { return true }
            previousWasDollar = byte == 0x24
        }
        return false
    }

    /// The single expression when the whole string is exactly `${expr}` (a typed substitution).
    public var wholeExpression: Expression? {
        if parts.count == 1, case .expression(let expression) = parts[0] { return expression }
        return nil
    }

    /// The text when the string holds no expression at all.
    public var constantText: String? {
        if parts.count == 1, case .text(let text) = parts[0] { return text }
        return nil
    }

    /// Every expression in the string.
    public var expressions: [Expression] {
        parts.compactMap { if case .expression(let expression) = $0 { expression } else { nil } }
    }

    /// The value in `environment`: typed for a whole `${expr}`, else a string.
    public func evaluate(in environment: Environment) throws(EvaluationError) -> JSONValue {
        if let expression = wholeExpression { return try expression.evaluate(in: environment) }
        return .string(try render(in: environment))
    }

    /// The string in `environment`, every expression rendered as text.
    public func render(in environment: Environment) throws(EvaluationError) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal): text += literal
            case .expression(let expression): text += try expression.evaluate(in: environment).interpolationText
            }
        }
        return text
    }
}

extension Interpolation: CustomStringConvertible {
    /// The string as it would be written in a scenario.
    public var description: String {
        parts.map { part in
            switch part {
            case .text(let text): text.replacingOccurrences(of: "${", with: "$${")
            case .expression(let expression): "${\(expression)}"
            }
        }.joined()
    }
}
