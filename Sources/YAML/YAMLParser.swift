internal import CYAML

/// Parses one YAML document into a ``YAMLNode`` tree with libyaml's event parser.
///
/// The tree is built with an explicit stack (no recursion), so nesting depth is bounded by ``YAMLLimits`` and never by
/// the thread's stack. Anchors are resolved by sharing the already-built node; the expanded size is bounded too.
public enum YAMLParser {
    /// Parses `bytes` (the content of `file`) into the root node of its single document.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode {
        if bytes.count > limits.maximumBytes {
            throw YAMLError(
                .tooLarge, at: Location(file: file, line: 1, column: 1),
                "file is \(Self.size(bytes.count)); scenario files are limited to \(Self.size(limits.maximumBytes))")
        }
        if let invalid = UTF8Check.firstInvalidByte(in: bytes, file: file) {
            let hex = String(invalid.byte, radix: 16, uppercase: true)
            throw YAMLError(
                .invalidUTF8, at: invalid.location,
                "byte 0x\(hex.count == 1 ? "0" + hex : hex) is not UTF-8; save the file as UTF-8 text")
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)  // libyaml keeps pointers into it
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(.syntax, at: Location(file: file, line: 1, column: 1), "libyaml could not start (out of memory)")
        }
        defer { yaml_parser_delete(parser) }
        var input = bytes
        return try input.withUnsafeMutableBufferPointer { buffer throws(YAMLError) -> YAMLNode in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var builder = YAMLTreeBuilder(file: file, limits: limits)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    throw Self.libyamlError(parser.pointee, bytes: bytes, file: file)
                }
                defer { yaml_event_delete(&event) }
                if let root = try builder.consume(event) { return root }
            }
        }
    }

    /// Reads and parses the file at `path`.
    public static func parseFile(atPath path: String, displayName: String? = nil, limits: YAMLLimits = .standard)
        throws(YAMLError) -> YAMLNode
    {
        let name = displayName ?? path
        let bytes: [UInt8]
        do {
            bytes = try FileReading.bytes(atPath: path, limit: limits.maximumBytes)
        } catch {
            switch error {
            case .unreadable(let reason):
                throw YAMLError(.syntax, at: Location(file: name, line: 1, column: 1), "cannot read the file: \(reason)")
            case .tooLarge(let size):
                throw YAMLError(
                    .tooLarge, at: Location(file: name, line: 1, column: 1),
                    "file is \(Self.size(size)); scenario files are limited to \(Self.size(limits.maximumBytes))")
            }
        }
        return try parse(bytes, file: name, limits: limits)
    }

    /// A byte count for messages: "10.0 MiB", "512 bytes".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return String(format1: Double(bytes) / Double(1 << 20)) + " MiB" }
        if bytes >= 1 << 10 { return String(format1: Double(bytes) / Double(1 << 10)) + " KiB" }
        return "\(bytes) bytes"
    }

    /// Turns libyaml's error state into a located error, recognising tab indentation.
    private static func libyamlError(_ parser: yaml_parser_t, bytes: [UInt8], file: String) -> YAMLError {
        let mark = parser.problem_mark
        let location = Location(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        if let tabColumn = SourceLines.tabInIndentation(bytes: bytes, line: location.line) {
            return YAMLError(
                .tabIndentation, at: Location(file: file, line: location.line, column: tabColumn),
                "tab character used for indentation; YAML indents with spaces only")
        }
        var message = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if let context = parser.context {
            let contextMark = parser.context_mark
            message += " (\(String(cString: context)) at \(contextMark.line + 1):\(contextMark.column + 1))"
        }
        return YAMLError(.syntax, at: location, message)
    }
}

extension String {
    /// One decimal place, without Foundation.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
