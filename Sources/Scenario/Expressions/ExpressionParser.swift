import OCPP
/// A Pratt parser for the expression language. Recursion is bounded by ``maximumDepth``.
struct ExpressionParser {
    /// Deepest accepted nesting of parentheses, operators and calls.
    static let maximumDepth = 64

    private var lexer: Lexer
    private var current: Token
    private var depth = 0
    private var operators = 0

    /// Most binary operators accepted in one expression (keeps the tree's depth, and evaluation's recursion, bounded).
    static let maximumOperators = 256

    /// Starts parsing `bytes` at `start`.
    init(bytes: [UInt8], start: Int = 0) throws(ExpressionSyntaxError) {
        lexer = Lexer(bytes: bytes, start: start)
        current = try lexer.next()
    }

    /// Parses a whole text as one expression.
    static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expression {
        var parser = try ExpressionParser(bytes: Array(text.utf8))
        if case .end = parser.current.kind {
            throw ExpressionSyntaxError(offset: 0, message: "empty expression")
        }
        let expression = try parser.expression()
        guard case .end = parser.current.kind else {
            throw ExpressionSyntaxError(offset: parser.current.offset, message: "unexpected \(parser.current.display) after the expression")
        }
        return expression
    }

    /// Parses one expression that must be followed by `}`; returns it and the offset just after the `}`.
    static func parseInterpolation(bytes: [UInt8], start: Int) throws(ExpressionSyntaxError) -> (Expression, end: Int) {
        var parser = try ExpressionParser(bytes: bytes, start: start)
        if parser.current.kind == .symbol("}") {
            throw ExpressionSyntaxError(offset: parser.current.offset, message: "empty '${}'; put a variable or expression inside")
        }
        let expression = try parser.expression()
        switch parser.current.kind {
        case .symbol("}"): return (expression, parser.current.offset + 1)
        case .end: throw ExpressionSyntaxError(offset: start - 2, message: "'${' is not closed; add '}'")
        default: throw ExpressionSyntaxError(offset: parser.current.offset, message: "unexpected \(parser.current.display) in '${…}'; expected an operator or '}'")
        }
    }

    private mutating func advance() throws(ExpressionSyntaxError) {
        current = try lexer.next()
    }

    private mutating func expect(_ symbol: String, _ context: String) throws(ExpressionSyntaxError) {
        guard current.kind == .symbol(symbol) else {
            throw ExpressionSyntaxError(offset: current.offset, message: "expected '\(symbol)' \(context), found \(current.display)")
        }
        try advance()
    }

    mutating func expression(minimumPrecedence: Int = 0) throws(ExpressionSyntaxError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw ExpressionSyntaxError(offset: current.offset, message: "expression is nested more than \(Self.maximumDepth) levels deep")
        }
        var left = try prefix()
        while case .symbol(let symbol) = current.kind, let op = Expression.BinaryOperator(rawValue: symbol),
            op.precedence > minimumPrecedence
        {
            operators += 1
            if operators > Self.maximumOperators {
                throw ExpressionSyntaxError(offset: current.offset, message: "expression has more than \(Self.maximumOperators) operators; split it")
            }
            try advance()
            let right = try expression(minimumPrecedence: op.precedence)
            left = .binary(op, left, right)
        }
        return left
    }

    private mutating func prefix() throws(ExpressionSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .symbol("-"):
            try advance()
            return .unary(.negate, try expression(minimumPrecedence: 6))
        case .symbol("!"):
            try advance()
            return .unary(.not, try expression(minimumPrecedence: 6))
        default:
            return try postfix(primary())
        }
    }

    private mutating func primary() throws(ExpressionSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .integer(let value):
            try advance()
            return .literal(.integer(value))
        case .decimal(let value):
            try advance()
            return .literal(.decimal(value))
        case .string(let value):
            try advance()
            return .literal(.string(value))
        case .identifier(let name):
            try advance()
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: break
            }
            if current.kind == .symbol("(") { return try call(name, at: token.offset) }
            return .variable(name)
        case .symbol("("):
            try advance()
            let inner = try expression()
            try expect(")", "to close '('")
            return inner
        case .symbol("["):
            try advance()
            return .list(try arguments(closing: "]"))
        default:
            throw ExpressionSyntaxError(offset: token.offset, message: "expected a value, found \(token.display)")
        }
    }

    private mutating func call(_ name: String, at offset: Int) throws(ExpressionSyntaxError) -> Expression {
        guard let function = Expression.Function(rawValue: name) else {
            let known = Expression.Function.allCases.map(\.rawValue)
            let hint = Suggestions.didYouMean(name, among: known).map { "; \($0)" } ?? "; functions are \(known.joined(separator: ", "))"
            throw ExpressionSyntaxError(offset: offset, message: "unknown function '\(name)'\(hint)")
        }
        try advance()
        let arguments = try arguments(closing: ")")
        guard function.arity.contains(arguments.count) else {
            let wanted = function.arity.lowerBound == function.arity.upperBound
                ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) or \(function.arity.upperBound)"
            throw ExpressionSyntaxError(offset: offset, message: "\(name)() takes \(wanted) argument\(function.arity.upperBound == 1 ? "" : "s"), not \(arguments.count)")
        }
        return .call(function, arguments)
    }

    /// Comma-separated expressions up to `closing` (the opening bracket already consumed).
    private mutating func arguments(closing: String) throws(ExpressionSyntaxError) -> [Expression] {
        var items: [Expression] = []
        if current.kind == .symbol(closing) {
            try advance()
            return items
        }
        while true {
            items.append(try expression())
            if current.kind == .symbol(",") {
                try advance()
                continue
            }
            try expect(closing, "to close the list")
            return items
        }
    }

    private mutating func postfix(_ base: Expression) throws(ExpressionSyntaxError) -> Expression {
        var result = base
        var steps = 0
        while true {
            steps += 1
            if steps > Self.maximumDepth {
                throw ExpressionSyntaxError(offset: current.offset, message: "path is longer than \(Self.maximumDepth) steps")
            }
            if current.kind == .symbol(".") {
                try advance()
                guard case .identifier(let name) = current.kind else {
                    throw ExpressionSyntaxError(offset: current.offset, message: "expected a field name after '.', found \(current.display)")
                }
                try advance()
                result = .member(result, name)
            } else if current.kind == .symbol("[") {
                try advance()
                let index = try expression()
                try expect("]", "to close '['")
                result = .index(result, index)
            } else {
                return result
            }
        }
    }
}
