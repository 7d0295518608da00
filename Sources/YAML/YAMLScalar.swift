/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written in the source.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text after YAML's own unescaping and folding.
    public var text: String
    /// How it was written.
    public var style: Style

    public init(text: String, style: Style) {
        self.text = text
        self.style = style
    }

    /// Whether the scalar was written without quotes or block indicators (only those are typed by YAML rules).
    public var isPlain: Bool { style == .plain }
}

/// A scalar's value under the YAML 1.2 core schema.
public enum YAMLCoreValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case float(Double)
    case string(String)
}

extension YAMLScalar {
    /// The value under the YAML 1.2 core schema: only a plain scalar can be null, boolean or a number;
    /// `yes`, `no`, `on`, `off` stay strings (they were booleans only in YAML 1.1). An integer too large for `Int`
    /// stays a string so that nothing is silently rounded.
    public var coreValue: YAMLCoreValue {
        guard isPlain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        if Self.isCoreInteger(text) { return Self.coreInteger(text).map(YAMLCoreValue.integer) ?? .string(text) }
        if Self.isCoreFloat(text), let value = Double(text) { return .float(value) }
        return .string(text)
    }

    /// Whether the text has the form of a YAML 1.2 core integer (whether or not it fits in `Int`).
    private static func isCoreInteger(_ text: String) -> Bool {
        if text.hasPrefix("0x") { return text.count > 2 && text.dropFirst(2).allSatisfy(\.isHexDigit) }
        if text.hasPrefix("0o") { return text.count > 2 && text.dropFirst(2).allSatisfy { ("0"..."7").contains($0) } }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` as YAML 1.2 core defines them, `nil` when it does not fit `Int`.
    private static func coreInteger(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return text.count > 2 ? Int(text.dropFirst(2), radix: 16) : nil }
        if text.hasPrefix("0o") { return text.count > 2 ? Int(text.dropFirst(2), radix: 8) : nil }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isCoreFloat(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let first = scalars.first, ("0"..."9").contains(first) { scalars = scalars.dropFirst(); count += 1 }
            return count
        }
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        let whole = digits()
        var fraction = 0
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
            if digits() == 0 { return false }
        }
        return scalars.isEmpty
    }
}
