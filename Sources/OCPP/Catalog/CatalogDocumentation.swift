/// A Markdown reference of the catalog: per profile, per action, the direction and a table of every field
/// (nested fields as paths like `meterValue[].sampledValue[].measurand`), with type, requiredness and constraints.
extension OCPPCatalog {
    /// The whole catalog as Markdown.
    public func markdownReference() -> String {
        var text = "# OCPP 1.6 message reference\n\nGenerated from Chargecheck's catalog (\(actions.count) actions).\n"
        for profile in FeatureProfile.allCases {
            let inProfile = actions.filter { $0.profile == profile }
            guard !inProfile.isEmpty else { continue }
            text += "\n## \(profile.rawValue)\n"
            for action in inProfile { text += "\n" + action.markdownReference() }
        }
        return text
    }
}

extension OCPPAction {
    /// One action as Markdown: heading, direction, request and response tables.
    public func markdownReference() -> String {
        var text = "### \(name)\n\n\(direction.displayName), profile \(profile.rawValue).\n"
        for (title, definition) in [("Request", request), ("Response", response)] {
            text += "\n**\(title)** (`\(definition.name)`)"
            let rows = Self.rows(of: definition, prefix: "")
            if rows.isEmpty {
                text += ": empty object `{}`.\n"
                continue
            }
            text += "\n\n| Field | Type | Required | Constraints |\n|---|---|---|---|\n"
            text += rows.joined(separator: "\n") + "\n"
        }
        return text
    }

    static func rows(of definition: OCPPObjectDefinition, prefix: String) -> [String] {
        var rows: [String] = []
        for field in definition.fields {
            let path = prefix + field.name
            rows.append("| `\(path)` | \(field.type.displayName) | \(field.isRequired ? "yes" : "no") | \(constraints(of: field.type)) |")
            var type = field.type
            var nestedPath = path
            while case .array(let element, _) = type {
                type = element
                nestedPath += "[]"
            }
            if case .object(let nested) = type { rows += Self.rows(of: nested, prefix: nestedPath + ".") }
        }
        return rows
    }

    static func constraints(of type: OCPPType) -> String {
        switch type {
        case .string(let maxLength, let format):
            [maxLength.map { "at most \($0) characters" }, format.map { "format \($0.rawValue)" }]
                .compactMap { $0 }.joined(separator: ", ")
        case .decimal(let multipleOf): multipleOf.map { "multiple of \($0)" } ?? ""
        case .dateTime: "RFC 3339 with time zone"
        case .enumeration(let enumeration): enumeration.values.map { "`\($0)`" }.joined(separator: ", ")
        case .array(let element, let minItems):
            ([minItems > 0 ? "at least \(minItems)" : nil] + [constraints(of: element)].filter { !$0.isEmpty })
                .compactMap { $0 }.joined(separator: "; ")
        case .integer, .boolean, .object: ""
        }
    }
}
