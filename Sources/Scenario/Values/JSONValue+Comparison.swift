public import OCPP

extension JSONValue {
    /// Equality as scenarios mean it: numbers compare by value (`1 == 1.0`), objects ignore member order.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal): return doubleValue == other.doubleValue
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { member in b[member.key].map { member.value.isEquivalent(to: $0) } ?? false }
        default: return self == other
        }
    }

    /// Ordering of two numbers or two strings; `nil` for any other pair.
    public func compare(to other: JSONValue) -> ComparisonResult? {
        if case .integer(let a) = self, case .integer(let b) = other { return a < b ? .less : a > b ? .greater : .equal }
        if let a = doubleValue, let b = other.doubleValue { return a < b ? .less : a > b ? .greater : .equal }
        if let a = stringValue, let b = other.stringValue { return a < b ? .less : a > b ? .greater : .equal }
        return nil
    }

    /// The text a value takes inside an interpolated string: strings as they are, everything else as JSON text.
    public var interpolationText: String {
        if case .string(let text) = self { return text }
        return jsonText
    }

    /// The outcome of ``compare(to:)``.
    public enum ComparisonResult: Sendable {
        case less, equal, greater
    }
}
