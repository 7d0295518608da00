import OCPP
import YAML

extension DocumentReader {
    /// The location of byte `offset` inside a scalar's text: exact for one-line plain or quoted scalars, the scalar's
    /// start otherwise.
    func location(ofOffset offset: Int, in node: YAMLNode) -> Location {
        guard let scalar = node.scalar, !scalar.text.utf8.prefix(offset).contains(0x0A) else { return node.location }
        var location = node.location
        switch scalar.style {
        case .plain: location.column += offset
        case .singleQuoted, .doubleQuoted: location.column += offset + 1
        case .literal, .folded: return node.location
        }
        return location
    }

    /// The scalar as an ``Interpolation``, checking its expressions' variables against the scope.
    func interpolation(_ node: YAMLNode, what: String, extraNames: Set<String> = []) -> Interpolation? {
        guard let text = string(node, what: what) else { return nil }
        do {
            let interpolation = try Interpolation.parse(text)
            for expression in interpolation.expressions { checkVariables(of: expression, at: node, extraNames: extraNames) }
            return interpolation
        } catch {
            self.error("invalid expression: \(error.message)", at: location(ofOffset: error.offset, in: node))
            return nil
        }
    }

    /// A bare expression (`meterStop >= meterStart`) or one whole `${…}`: what `assert:` and `capture:` hold.
    func expression(_ node: YAMLNode, what: String, extraNames: Set<String> = []) -> Expression? {
        guard let scalar = node.scalar else {
            error("\(what) must be an expression, found \(describe(node))", at: node.location)
            return nil
        }
        let text = scalar.text
        do {
            let expression: Expression
            if text.hasPrefix("${") {
                let interpolation = try Interpolation.parse(text)
                guard let whole = interpolation.wholeExpression else {
                    error("\(what) must be one expression; write it without '${…}' or as exactly one '${…}'", at: node.location)
                    return nil
                }
                expression = whole
            } else {
                expression = try ExpressionParser.parse(text)
            }
            checkVariables(of: expression, at: node, extraNames: extraNames)
            return expression
        } catch {
            self.error("invalid expression: \(error.message)", at: location(ofOffset: error.offset, in: node))
            return nil
        }
    }

    /// Reports every variable of `expression` that is not in scope.
    func checkVariables(of expression: Expression, at node: YAMLNode, extraNames: Set<String>) {
        for name in expression.freeVariables where !scope.contains(name) && !extraNames.contains(name) {
            let known = scope.union(extraNames)
            let hint = Suggestions.didYouMean(name, among: known.sorted())
                ?? (known.subtracting(Environment.runnerProvidedNames).isEmpty
                    ? "define it under 'given:' or capture it in an earlier step"
                    : "variables here: \(known.sorted().joined(separator: ", "))")
            let offset = node.scalar.map { Self.offset(of: name, in: $0.text) } ?? 0
            error("undefined variable '\(name)'", at: location(ofOffset: offset, in: node), hint: hint)
        }
    }

    /// Byte offset of the first whole-word occurrence of `name` in `text` (0 when not found).
    private static func offset(of name: String, in text: String) -> Int {
        let bytes = Array(text.utf8)
        let needle = Array(name.utf8)
        guard needle.count <= bytes.count else { return 0 }
        func isWord(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F }
        for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            let before = start == 0 || !isWord(bytes[start - 1])
            let after = start + needle.count == bytes.count || !isWord(bytes[start + needle.count])
            if before && after { return start }
        }
        return 0
    }
}
