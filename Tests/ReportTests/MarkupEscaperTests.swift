@testable import Report
import Testing

@Suite("Markup escaping")
struct MarkupEscaperTests {
    @Test("station text cannot open or close markup", arguments: [
        ("</script><script>alert(1)</script>", "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("]]><x/>", "]]&gt;&lt;x/&gt;"),
        ("a & \"b\" 'c'", "a &amp; &quot;b&quot; &#39;c&#39;"),
        ("<!-- -->", "&lt;!-- --&gt;"),
    ])
    func escapesMarkup(input: String, expected: String) {
        #expect(MarkupEscaper.escape(input) == expected)
    }

    @Test("characters XML 1.0 forbids stay visible as escapes")
    func forbiddenCharacters() {
        #expect(MarkupEscaper.escape("a\u{1B}b\u{0}c\u{FFFF}") == "a\\u{1B}b\\u{0}c\\u{FFFF}")
    }

    @Test("line breaks are kept in content and become references in attributes")
    func lineBreaks() {
        #expect(MarkupEscaper.escape("a\nb\tc\rd") == "a\nb\tc&#13;d")
        #expect(MarkupEscaper.escape("a\nb\tc", keepingLineBreaks: false) == "a&#10;b&#9;c")
    }

    @Test("interpolated strings are escaped, nested markup is not")
    func interpolation() {
        let inner: Markup = "<b>\("<i>")</b>"
        let outer: Markup = "<p title=\"\(attribute: "x\ny")\">\(inner)</p>"
        #expect(outer.description == "<p title=\"x&#10;y\"><b>&lt;i&gt;</b></p>")
    }
}
