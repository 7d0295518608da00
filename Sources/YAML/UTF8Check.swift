/// Finds the first byte sequence that is not UTF-8, so the error can name its line and column.
enum UTF8Check {
    /// The location of the first invalid byte, or `nil` when all of `bytes` is UTF-8.
    static func firstInvalidByte(in bytes: [UInt8], file: String) -> (location: Location, byte: UInt8)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error(let length):
                _ = length
                return (Location(file: file, line: line, column: column), bytes[offset])
            case .emptyInput:
                return nil
            }
        }
    }
}
