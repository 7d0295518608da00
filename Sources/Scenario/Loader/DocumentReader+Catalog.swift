import OCPP
import YAML

/// Checks against the OCPP catalog: action names and who sends them, payload fields, types and enum values.
extension DocumentReader {
    /// The action `name` names, checked to exist and to be sent by `sender`; `nil` after an error (or with no catalog).
    func catalogAction(_ name: String, at node: YAMLNode, sentBy sender: OCPPRole, verb: String) -> OCPPAction? {
        guard let catalog else { return nil }
        guard let action = catalog[name] else {
            error("unknown OCPP action '\(name)'", at: node.location, hint: Suggestions.didYouMean(name, among: catalog.actionNames))
            return nil
        }
        guard action.direction.canBeInitiated(by: sender) else {
            let hint = sender == .centralSystem ? "use 'expect: \(name)' to wait for it" : "use 'send: \(name)' to send it"
            error("\(name) is sent by the \(sender.peer.displayName), so it cannot be used with '\(verb)'", at: node.location, hint: hint)
            return nil
        }
        return action
    }

    /// Reports names in a list of OCPP messages that the catalog does not know.
    func checkMessageNames(_ names: [String], in node: YAMLNode) {
        guard let catalog else { return }
        let items = node.sequence ?? [node]
        for (index, name) in names.enumerated() where catalog[name] == nil {
            let location = items.first { $0.scalar?.text == name }?.location ?? items[safe: index]?.location ?? node.location
            error("unknown OCPP action '\(name)'", at: location, hint: Suggestions.didYouMean(name, among: catalog.actionNames))
        }
    }

    /// A scalar typed and checked by the schema type.
    func typedScalar(_ scalar: YAMLScalar, at node: YAMLNode, as type: OCPPType, field: String) -> JSONValue? {
        switch type {
        case .string(let maxLength, _):
            if let maxLength, scalar.text.count > maxLength {
                error("\(field) is \(scalar.text.count) characters long; \(type.displayName) allows at most \(maxLength)", at: node.location)
                return nil
            }
            return .string(scalar.text)
        case .enumeration(let enumeration):
            guard enumeration.contains(scalar.text) else {
                let hint = Suggestions.didYouMean(scalar.text, among: enumeration.values)
                    ?? (enumeration.values.count <= 12 ? "\(enumeration.name) values: \(enumeration.values.joined(separator: ", "))" : nil)
                error("'\(scalar.text)' is not a \(enumeration.name) value (\(field))", at: node.location, hint: hint)
                return nil
            }
            return .string(scalar.text)
        case .dateTime:
            guard case .valid = RFC3339.check(scalar.text) else {
                error("\(field) must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z, found '\(scalar.text)'", at: node.location, hint: "use \"${now()}\" for the current time")
                return nil
            }
            return .string(scalar.text)
        case .integer:
            if scalar.isPlain, case .integer(let value) = scalar.coreValue { return .integer(value) }
            wrongType(scalar, at: node, field: field, wanted: "an integer")
            return nil
        case .decimal:
            if scalar.isPlain, case .integer(let value) = scalar.coreValue { return .integer(value) }
            if scalar.isPlain, case .float(let value) = scalar.coreValue, value.isFinite { return .decimal(value) }
            wrongType(scalar, at: node, field: field, wanted: "a number")
            return nil
        case .boolean:
            if scalar.isPlain, case .bool(let flag) = scalar.coreValue { return .bool(flag) }
            wrongType(scalar, at: node, field: field, wanted: "true or false")
            return nil
        case .object(let definition):
            error("\(field) must be an object (\(definition.name)), found \(describe(node))", at: node.location)
            return nil
        case .array:
            error("\(field) must be a list (\(type.displayName)), found \(describe(node))", at: node.location)
            return nil
        }
    }

    private func wrongType(_ scalar: YAMLScalar, at node: YAMLNode, field: String, wanted: String) {
        let hint = scalar.isPlain ? nil : "remove the quotes"
        error("\(field) must be \(wanted), found \(scalar.isPlain ? describe(node) : "the string '\(scalar.text)'")", at: node.location, hint: hint)
    }

    /// The element type of a list field (`nil` with no schema); `ok` is false after reporting that it is no list.
    func elementType(of type: OCPPType?, for node: YAMLNode, field: String) -> (ok: Bool, element: OCPPType?) {
        guard let type else { return (true, nil) }
        if case .array(let element, _) = type { return (true, element) }
        error("\(field) must be \(Self.article(type)), found a list", at: node.location)
        return (false, nil)
    }

    /// The schema of an object written as `pairs`: `ok` is false after reporting that it is no object; `types` holds
    /// each known member's type (unknown members are reported and left out). With `requireAll`, missing required
    /// members are reported too. `types` is `nil` when there is no schema.
    func fieldTypes(of type: OCPPType?, for node: YAMLNode, pairs: [YAMLNode.Pair], field: String, requireAll: Bool) -> (ok: Bool, types: [String: OCPPType]?) {
        guard let type else { return (true, nil) }
        guard case .object(let definition) = type else {
            error("\(field) must be \(Self.article(type)), found a mapping", at: node.location)
            return (false, nil)
        }
        var types: [String: OCPPType] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.text, key != "<<" else { continue }  // '<<' is reported by PlainYAMLCheck
            if let member = definition.field(named: key) {
                types[key] = member.type
            } else {
                error("unknown field '\(key)' in \(definition.name)", at: pair.key.location,
                      hint: Suggestions.didYouMean(key, among: definition.fields.map(\.name)) ?? "\(definition.name) has: \(definition.fields.map(\.name).joined(separator: ", "))")
            }
        }
        if requireAll, !pairs.contains(where: { $0.key.scalar?.text == "<<" }) {
            let present = Set(pairs.compactMap { $0.key.scalar?.text })
            let missing = definition.requiredFieldNames.filter { !present.contains($0) }
            if !missing.isEmpty {
                error("\(definition.name) needs \(missing.map { "'\($0)'" }.joined(separator: ", "))", at: node.location)
            }
        }
        return (true, types)
    }

    /// Reads the members of a mapping with `read`, handing it each key, value and (from `types`, the schema that
    /// ``fieldTypes(of:for:pairs:field:requireAll:)`` returned) member type. Every member is read, so every problem is
    /// reported; the result is `nil` when a key is not a name, not in the schema, or its value could not be read.
    func members<Value>(_ pairs: [YAMLNode.Pair], types: [String: OCPPType]?,
                        read: (_ key: String, _ value: YAMLNode, _ type: OCPPType?) -> Value?) -> [(key: String, value: Value)]? {
        var members: [(key: String, value: Value)] = []
        var failed = false
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                error("object keys must be names, found a \(pair.key.kindName)", at: pair.key.location)
                failed = true
                continue
            }
            if let types, types[key] == nil {
                failed = true
                continue
            }
            if let value = read(key, pair.value, types?[key]) { members.append((key, value)) } else { failed = true }
        }
        return failed ? nil : members
    }

    /// "an integer", "a string", "an object (IdTagInfo)" for messages.
    static func article(_ type: OCPPType) -> String {
        switch type {
        case .integer: "an integer"
        case .decimal: "a number"
        case .boolean: "true or false"
        case .object(let definition): "an object (\(definition.name))"
        case .array: "a list"
        default: "a string (\(type.displayName))"
        }
    }
}
