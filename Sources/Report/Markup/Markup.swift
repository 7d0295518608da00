/// Text in a markup language (HTML, SVG, XML) that is safe to emit as is.
///
/// Only string literals written in this module's source are taken verbatim; every `String` interpolated into a
/// `Markup` literal is escaped, so nothing a station sends (payloads, error descriptions, identities) can open or close
/// an element, a comment, a CDATA section or a script. Interpolate another `Markup` to nest fragments.
struct Markup: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The escaped text.
    private(set) var text: String

    init(stringLiteral literal: String) {
        text = literal
    }

    init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    /// Fragments one after another.
    init(joining fragments: some Sequence<Markup>, separator: Markup = "") {
        text = fragments.map(\.text).joined(separator: separator.text)
    }

    var description: String { text }

    static let empty: Markup = ""

    static func + (lhs: Markup, rhs: Markup) -> Markup {
        var joined = lhs
        joined.text += rhs.text
        return joined
    }

    static func += (lhs: inout Markup, rhs: Markup) {
        lhs.text += rhs.text
    }

    /// Builds the escaped text of a `Markup` literal.
    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// Source text of this module: trusted.
        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Untrusted text: escaped.
        mutating func appendInterpolation(_ value: String) {
            text += MarkupEscaper.escape(value)
        }

        /// Untrusted text for an XML attribute value: line breaks and tabs become character references, so they
        /// survive attribute-value normalisation.
        mutating func appendInterpolation(attribute value: String) {
            text += MarkupEscaper.escape(value, keepingLineBreaks: false)
        }

        /// Untrusted text, or nothing when `nil`.
        mutating func appendInterpolation(_ value: String?) {
            if let value { text += MarkupEscaper.escape(value) }
        }

        /// A number (no escaping needed, but spelled the same way everywhere).
        mutating func appendInterpolation(_ value: Int) {
            text += String(value)
        }

        /// A coordinate or length, with at most one decimal.
        mutating func appendInterpolation(_ value: Double) {
            text += MarkupEscaper.escape(NumberText.coordinate(value))
        }

        /// An already escaped fragment.
        mutating func appendInterpolation(_ fragment: Markup) {
            text += fragment.text
        }

        /// Already escaped fragments, one after another.
        mutating func appendInterpolation(_ fragments: [Markup]) {
            for fragment in fragments { text += fragment.text }
        }
    }
}
