/// Splits expression text into tokens. Works on UTF-8 bytes; names are ASCII letters, digits and `_`.
struct Lexer {
    private let bytes: [UInt8]
    private(set) var position: Int

    init(bytes: [UInt8], start: Int = 0) {
        self.bytes = bytes
        self.position = start
    }

    private static let symbols: [String] = ["==", "!=", "<=", ">=", "&&", "||", "(", ")", "[", "]", "{", "}", ".", ",", "+", "-", "*", "/", "%", "<", ">", "!"]

    /// The next token, advancing past it.
    mutating func next() throws(ExpressionSyntaxError) -> Token {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A || bytes[position] == 0x0D {
            position += 1
        }
        let start = position
        guard position < bytes.count else { return Token(kind: .end, offset: start) }
        let byte = bytes[position]
        if Self.isDigit(byte) { return try number(start: start) }
        if Self.isNameStart(byte) {
            while position < bytes.count, Self.isNameStart(bytes[position]) || Self.isDigit(bytes[position]) { position += 1 }
            return Token(kind: .identifier(String(decoding: bytes[start..<position], as: UTF8.self)), offset: start)
        }
        if byte == 0x22 || byte == 0x27 { return try string(quote: byte, start: start) }
        for symbol in Self.symbols where matches(symbol) {
            position += symbol.utf8.count
            return Token(kind: .symbol(symbol), offset: start)
        }
        let character = String(decoding: bytes[start..<min(bytes.count, start + Self.scalarLength(byte))], as: UTF8.self)
        throw ExpressionSyntaxError(offset: start, message: "unexpected character '\(character)' in expression")
    }

    private func matches(_ symbol: String) -> Bool {
        let utf8 = Array(symbol.utf8)
        guard position + utf8.count <= bytes.count else { return false }
        return bytes[position..<position + utf8.count].elementsEqual(utf8)
    }

    private mutating func number(start: Int) throws(ExpressionSyntaxError) -> Token {
        while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        var isDecimal = false
        if position + 1 < bytes.count, bytes[position] == 0x2E, Self.isDigit(bytes[position + 1]) {
            isDecimal = true
            position += 1
            while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == 0x65 || bytes[position] == 0x45 {
            var look = position + 1
            if look < bytes.count, bytes[look] == 0x2B || bytes[look] == 0x2D { look += 1 }
            if look < bytes.count, Self.isDigit(bytes[look]) {
                isDecimal = true
                position = look
                while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if position < bytes.count, Self.isNameStart(bytes[position]) {
            throw ExpressionSyntaxError(offset: position, message: "a number cannot be followed by a letter in '\(text)…'")
        }
        if !isDecimal, let value = Int(text) { return Token(kind: .integer(value), offset: start) }
        if !isDecimal { throw ExpressionSyntaxError(offset: start, message: "integer \(text) is too large") }
        guard let value = Double(text) else { throw ExpressionSyntaxError(offset: start, message: "invalid number '\(text)'") }
        return Token(kind: .decimal(value), offset: start)
    }

    private mutating func string(quote: UInt8, start: Int) throws(ExpressionSyntaxError) -> Token {
        position += 1
        var content: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                position += 1
                return Token(kind: .string(String(decoding: content, as: UTF8.self)), offset: start)
            }
            if byte == 0x5C, position + 1 < bytes.count {
                let escaped = bytes[position + 1]
                switch escaped {
                case 0x6E: content.append(0x0A)
                case 0x74: content.append(0x09)
                case 0x5C, 0x22, 0x27: content.append(escaped)
                default:
                    throw ExpressionSyntaxError(offset: position, message: "unknown escape '\\\(Character(Unicode.Scalar(escaped)))' in string; use \\n, \\t, \\\\, \\\" or \\'")
                }
                position += 2
                continue
            }
            content.append(byte)
            position += 1
        }
        throw ExpressionSyntaxError(offset: start, message: "string is not closed; add the closing \(quote == 0x22 ? "\"" : "'")")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isNameStart(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F }
    private static func scalarLength(_ byte: UInt8) -> Int { byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2 }
}
