/// Escapes text for XML 1.0 and HTML, in element content and in quoted attribute values alike.
enum MarkupEscaper {
    /// `&`, `<`, `>`, `"` and `'` become entities and a carriage return a character reference; characters XML 1.0
    /// forbids (other C0 controls, U+FFFE, U+FFFF) are spelled `\u{1B}` so they stay visible as evidence instead of
    /// making the document unreadable. With `keepingLineBreaks: false` (XML attribute values, which parsers normalise),
    /// tab and line feed become character references too.
    static func escape(_ value: String, keepingLineBreaks: Bool = true) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t": output += keepingLineBreaks ? "\t" : "&#9;"
            case "\n": output += keepingLineBreaks ? "\n" : "&#10;"
            case "\r": output += "&#13;"
            default:
                if isAllowedInXML(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return output
    }

    /// The XML 1.0 `Char` production, minus the C1 controls and DEL that HTML also rejects.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
