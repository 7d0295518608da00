import OCPP

/// JSON text indented two spaces per level, one member or element per line, for files people also open.
/// Arrays of scalars and empty containers stay on one line.
enum PrettyJSON {
    static func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, to: &output)
        output += "\n"
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, to output: inout String) {
        let inner = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch value {
        case .array(let elements) where !elements.isEmpty && elements.contains(where: isContainer):
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                write(element, indent: indent + 1, to: &output)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += closing + "]"
        case .object(let object) where !object.isEmpty:
            output += "{\n"
            for (index, member) in object.members.enumerated() {
                output += inner + JSONValue.string(member.key).jsonText + ": "
                write(member.value, indent: indent + 1, to: &output)
                output += index + 1 < object.count ? ",\n" : "\n"
            }
            output += closing + "}"
        default:
            value.write(to: &output)
        }
    }

    private static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: true
        default: false
        }
    }
}
