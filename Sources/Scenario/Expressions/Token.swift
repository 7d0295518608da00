/// One lexical token of an expression, with its byte offset in the expression text.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case integer(Int)
        case decimal(Double)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int

    /// The token as a user would name it in a message.
    var display: String {
        switch kind {
        case .integer(let value): "'\(value)'"
        case .decimal(let value): "'\(value)'"
        case .string(let value): "string '\(value)'"
        case .identifier(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "the end of the expression"
        }
    }
}

/// A problem in an expression's text: what and at which byte offset of the text.
public struct ExpressionSyntaxError: Error, Sendable, Hashable {
    public var offset: Int
    public var message: String
}
