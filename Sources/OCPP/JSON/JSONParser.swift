/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// - Integers and decimals stay apart: a number with no fraction and no exponent that fits in `Int` is `.integer`;
///   every other number is `.decimal` (so an integer too large for `Int` reads as a decimal and fails an integer check
///   instead of being silently wrapped).
/// - Nesting is bounded by `maxDepth`, so hostile input cannot exhaust the stack.
/// - Every error names the byte offset, line and column; no input makes it trap.
/// - A repeated key keeps the last value, in the position of the first (as `JSONObject` does).
public struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted; deeper input is an error, not a crash.
    public var maxDepth: Int

    /// A parser that accepts at most `maxDepth` nested arrays or objects (clamped to 1...1024).
    public init(maxDepth: Int = 64) {
        self.maxDepth = min(max(maxDepth, 1), 1024)
    }

    /// Parses one JSON text (surrounding white space allowed).
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            var cursor = Cursor(bytes: buffer, maxDepth: maxDepth)
            return Result { () throws(JSONParseError) -> JSONValue in try cursor.parseDocument() }
        }
        return try result.get()
    }

    /// Parses one JSON text given as bytes; bytes that are not UTF-8 are an error located at the first bad byte.
    public func parse<Bytes: Collection<UInt8>>(bytes: Bytes) throws(JSONParseError) -> JSONValue {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break decoding
            case .error:
                let prefix = Array(bytes.prefix(offset))
                throw Cursor.error("the text is not valid UTF-8", at: offset, in: prefix)
            }
        }
        return try parse(String(decoding: bytes, as: UTF8.self))
    }
}

extension JSONParser {
    /// The parsing state over one contiguous UTF-8 buffer.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var position = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        static func error<Bytes: Collection<UInt8>>(_ message: String, at offset: Int, in bytes: Bytes) -> JSONParseError {
            var line = 1
            var column = 1
            for byte in bytes.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return JSONParseError(message: message, offset: offset, line: line, column: column)
        }

        func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
            Self.error(message, at: offset ?? position, in: bytes)
        }

        mutating func parseDocument() throws(JSONParseError) -> JSONValue {
            skipWhiteSpace()
            if position == bytes.count { throw error("the text is empty; expected a JSON value") }
            let value = try parseValue()
            skipWhiteSpace()
            if position < bytes.count { throw error("unexpected \(describeByte()) after the JSON value") }
            return value
        }

        mutating func skipWhiteSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        func describeByte(at offset: Int? = nil) -> String {
            let offset = offset ?? position
            guard offset < bytes.count else { return "end of text" }
            let byte = bytes[offset]
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }

        mutating func parseValue() throws(JSONParseError) -> JSONValue {
            guard position < bytes.count else { throw error("unexpected end of text; expected a JSON value") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
            case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
            case UInt8(ascii: "n"): return try parseLiteral("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw error("unexpected \(describeByte()); expected a JSON value")
            }
        }

        mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
            let start = position
            for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
                guard position < bytes.count, bytes[position] == expected else {
                    throw error("invalid literal; expected '\(word)'", at: start)
                }
                position += 1
            }
            return value
        }

        mutating func enterContainer() throws(JSONParseError) {
            depth += 1
            if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        }

        mutating func parseObject() throws(JSONParseError) -> JSONValue {
            try enterContainer()
            position += 1
            var members: [JSONObject.Member] = []
            members.reserveCapacity(8)
            skipWhiteSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return .object(JSONObject())
            }
            while true {
                skipWhiteSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw error("unexpected \(describeByte()); expected a member name in double quotes")
                }
                let key = try parseString()
                skipWhiteSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                    throw error("unexpected \(describeByte()); expected ':' after the member name \"\(key)\"")
                }
                position += 1
                skipWhiteSpace()
                let value = try parseValue()
                if let duplicate = Self.index(of: key, in: members) {
                    members[duplicate].value = value
                } else {
                    members.append(JSONObject.Member(key: key, value: value))
                }
                skipWhiteSpace()
                guard position < bytes.count else { throw error("unexpected end of text; expected ',' or '}'") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    depth -= 1
                    return .object(members.count > 16 ? JSONObject(members) : JSONObject(uniqueMembers: members))
                }
                throw error("unexpected \(describeByte()); expected ',' or '}'")
            }
        }

        /// The position of `key` among the first members of a small object (comparing lengths first), `nil` when
        /// new. Objects beyond 16 members are deduplicated by `JSONObject`'s hashing initializer instead.
        static func index(of key: String, in members: [JSONObject.Member]) -> Int? {
            guard members.count <= 16 else { return nil }
            let length = key.utf8.count
            for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
                return index
            }
            return nil
        }

        mutating func parseArray() throws(JSONParseError) -> JSONValue {
            try enterContainer()
            position += 1
            var elements: [JSONValue] = []
            skipWhiteSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                skipWhiteSpace()
                elements.append(try parseValue())
                skipWhiteSpace()
                guard position < bytes.count else { throw error("unexpected end of text; expected ',' or ']'") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    depth -= 1
                    return .array(elements)
                }
                throw error("unexpected \(describeByte()); expected ',' or ']'")
            }
        }

        /// Parses a string starting at its opening quote. Strings without escapes are copied in one step.
        mutating func parseString() throws(JSONParseError) -> String {
            let start = position
            position += 1
            let contentStart = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
                    position += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: contentStart, openedAt: start) }
                if byte < 0x20 { throw error("control character \(describeByte()) inside a string; escape it") }
                position += 1
            }
            throw error("unterminated string", at: start)
        }

        mutating func parseEscapedString(from contentStart: Int, openedAt start: Int) throws(JSONParseError) -> String {
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(decoding: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    let escapeStart = position
                    position += 1
                    guard position < bytes.count else { break }
                    let escaped = bytes[position]
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escaped)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        let scalar = try parseUnicodeEscape(startingAt: escapeStart)
                        buffer.append(contentsOf: String(Character(scalar)).utf8)
                    default:
                        throw error("invalid escape '\\\(Character(Unicode.Scalar(escaped)))' in a string", at: escapeStart)
                    }
                default:
                    if byte < 0x20 { throw error("control character \(describeByte()) inside a string; escape it") }
                    buffer.append(byte)
                    position += 1
                }
            }
            throw error("unterminated string", at: start)
        }

        /// Reads the four hex digits after `\u` (and a low surrogate after a high one).
        mutating func parseUnicodeEscape(startingAt escapeStart: Int) throws(JSONParseError) -> Unicode.Scalar {
            let high = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(high) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                else { throw error("unpaired surrogate \\u\(String(high, radix: 16)) in a string", at: escapeStart) }
                let lowStart = position
                position += 2
                let low = try readHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("unpaired surrogate \\u\(String(high, radix: 16)) in a string", at: escapeStart)
                }
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\u escape", at: escapeStart) }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw error("unpaired surrogate \\u\(String(high, radix: 16)) in a string", at: escapeStart)
            }
            return scalar
        }

        mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard position < bytes.count else { throw error("incomplete \\u escape", at: escapeStart) }
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error("invalid \\u escape: \(describeByte()) is not a hex digit", at: escapeStart)
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        mutating func parseNumber() throws(JSONParseError) -> JSONValue {
            let start = position
            var negative = false
            if bytes[position] == UInt8(ascii: "-") {
                negative = true
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw error("invalid number: expected a digit after '-'", at: position)
            }
            var magnitude: Int = 0
            var overflow = false
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
                if position < bytes.count, isDigit(bytes[position]) {
                    throw error("invalid number: leading zeros are not allowed", at: start)
                }
            } else {
                while position < bytes.count, isDigit(bytes[position]) {
                    let digit = Int(bytes[position] - UInt8(ascii: "0"))
                    let (shifted, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (added, o2) = shifted.addingReportingOverflow(digit)
                    overflow = overflow || o1 || o2
                    magnitude = added
                    position += 1
                }
            }
            var isInteger = true
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                isInteger = false
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else {
                    throw error("invalid number: expected a digit after '.'")
                }
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                isInteger = false
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard position < bytes.count, isDigit(bytes[position]) else {
                    throw error("invalid number: expected a digit in the exponent")
                }
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
            if isInteger && !overflow { return .integer(negative ? -magnitude : magnitude) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                throw error("number \(text) is out of range", at: start)
            }
            return .decimal(value)
        }

        func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }
}

extension JSONValue {
    /// Parses JSON text with the default parser (depth limit 64).
    public init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser().parse(text)
    }
}
