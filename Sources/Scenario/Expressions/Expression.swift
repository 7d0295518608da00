public import OCPP

/// A parsed expression of the scenario language (the part inside `${…}`, or a whole `assert:`).
///
/// Grammar in `grammar/expressions.ebnf`. Values are ``JSONValue``s; evaluation is pure (``evaluate(in:)``).
public indirect enum Expression: Sendable, Hashable {
    /// A number, string, boolean or null written in the expression.
    case literal(JSONValue)
    /// A name: a `given` variable, a capture, a loop variable, or one the runner provides (`station`, `profile`).
    case variable(String)
    /// `base.name`
    case member(Expression, String)
    /// `base[index]`
    case index(Expression, Expression)
    /// `name(arguments…)`, one of ``Function``.
    case call(Function, [Expression])
    /// `-x`, `!x`
    case unary(UnaryOperator, Expression)
    /// `a + b`, `a == b`, `a && b`, …
    case binary(BinaryOperator, Expression, Expression)
    /// `[a, b, c]`
    case list([Expression])

    /// Prefix operators.
    public enum UnaryOperator: String, Sendable, Hashable {
        case negate = "-"
        case not = "!"
    }

    /// Infix operators, loosest first: `||`, `&&`, equality, comparison, additive, multiplicative.
    public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
        case or = "||", and = "&&"
        case equal = "==", notEqual = "!="
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case add = "+", subtract = "-"
        case multiply = "*", divide = "/", remainder = "%"

        /// Binding power: higher binds tighter.
        var precedence: Int {
            switch self {
            case .or: 1
            case .and: 2
            case .equal, .notEqual: 3
            case .less, .lessOrEqual, .greater, .greaterOrEqual: 4
            case .add, .subtract: 5
            case .multiply, .divide, .remainder: 6
            }
        }
    }

    /// The built-in functions.
    public enum Function: String, Sendable, Hashable, CaseIterable {
        /// `now()` the current time as an RFC 3339 UTC string; `now("-5m")` shifted by a duration.
        case now
        /// `uuid()` a fresh random UUID string.
        case uuid
        /// `len(x)` characters of a string, elements of an array, members of an object.
        case len
        /// `number(x)` a number from a number or a numeric string.
        case number
        /// `string(x)` a string (numbers and other values as their JSON text).
        case string
        /// `range(a, b)` the integers from a to b inclusive (at most 10,000).
        case range

        /// Accepted argument counts.
        var arity: ClosedRange<Int> {
            switch self {
            case .now: 0...1
            case .uuid: 0...0
            case .len, .number, .string: 1...1
            case .range: 2...2
            }
        }
    }

    /// Names the expression reads from its environment (the root of every variable path), in order of appearance.
    public var freeVariables: [String] {
        var names: [String] = []
        collectVariables(into: &names)
        return names
    }

    private func collectVariables(into names: inout [String]) {
        switch self {
        case .literal: break
        case .variable(let name): if !names.contains(name) { names.append(name) }
        case .member(let base, _): base.collectVariables(into: &names)
        case .index(let base, let index):
            base.collectVariables(into: &names)
            index.collectVariables(into: &names)
        case .call(_, let arguments), .list(let arguments):
            for argument in arguments { argument.collectVariables(into: &names) }
        case .unary(_, let operand): operand.collectVariables(into: &names)
        case .binary(_, let left, let right):
            left.collectVariables(into: &names)
            right.collectVariables(into: &names)
        }
    }
}

extension Expression: CustomStringConvertible {
    /// The expression written back in the language's syntax (fully parenthesised where operators nest).
    public var description: String {
        switch self {
        case .literal(let value): value.jsonText
        case .variable(let name): name
        case .member(let base, let name): "\(base).\(name)"
        case .index(let base, let index): "\(base)[\(index)]"
        case .call(let function, let arguments): "\(function.rawValue)(\(arguments.map(\.description).joined(separator: ", ")))"
        case .unary(let op, let operand): "\(op.rawValue)\(operand)"
        case .binary(let op, let left, let right): "(\(left) \(op.rawValue) \(right))"
        case .list(let elements): "[\(elements.map(\.description).joined(separator: ", "))]"
        }
    }
}

extension Expression {
    /// Parses a bare expression such as `meterStop >= meterStart` (no `${…}` around it).
    public static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        try ExpressionParser.parse(text)
    }
}
