import BadInputTable
import Foundation
import Testing

/// The "Scenario files" rows of docs/bad-input.md: files from the bad-input corpus, each with the diagnostics
/// `chargecheck lint` prints for it (its `.expected` file).
@Suite("Bad input: scenario files")
struct ScenarioFileBadInputTests {
    /// The corpus files shown in the document, with what each gets wrong.
    static let shown: [(file: String, mistake: String)] = [
        ("key-typo-steps.yaml", "a typo in a top-level key (`stesp:`)"),
        ("unknown-step-kind.yaml", "a typo in a step verb (`sned:`)"),
        ("unknown-action.yaml", "a typo in a physical action (`act: plugin`)"),
        ("unknown-security-mode.yaml", "a typo in a security mode"),
        ("catalog-unknown-field.yaml", "a typo in an OCPP field name"),
        ("catalog-unknown-action.yaml", "an OCPP action that does not exist"),
        ("catalog-send-station-message.yaml", "`send:` of a message only a station sends"),
        ("steps-wrong-type.yaml", "`steps:` given a text instead of a list"),
        ("catalog-wrong-type.yaml", "a text where OCPP wants an integer"),
        ("catalog-bad-timestamp.yaml", "a timestamp that is not RFC 3339"),
        ("yes-is-not-a-boolean.yaml", "`yes` for a boolean"),
        ("duration-without-unit.yaml", "a duration without a unit"),
        ("nan-in-payload.yaml", "`.nan` in a payload"),
        ("duplicate-key.yaml", "a key given twice"),
        ("two-verbs.yaml", "a step with two verbs"),
        ("yaml-unclosed-flow.yaml", "bad YAML: an unclosed `[`"),
        ("tab-indentation.yaml", "bad YAML: a tab in the indentation"),
        ("binary-garbage.yaml", "a binary file (not UTF-8)"),
        ("alias-bomb.yaml", "a YAML alias bomb (billion laughs)"),
        ("expression-unclosed.yaml", "an expression without its closing `}`"),
        ("expression-dangling-operator.yaml", "an expression ending in an operator"),
        ("unknown-function.yaml", "a typo in a function name"),
        ("undefined-variable.yaml", "a typo in a variable name"),
        ("bad-regex.yaml", "a regular expression that does not compile"),
        ("include-missing.yaml", "`uses:` of a file that does not exist"),
        ("include-cycle-a.yaml", "two files that use each other"),
    ]

    static let rows: [BadInputRow] = shown.map { file, mistake in
        let path = RepositoryPaths.corpus + "/" + file
        let expected = (try? String(contentsOfFile: String(path.dropLast(".yaml".count)) + ".expected", encoding: .utf8)) ?? ""
        return BadInputRow(mistake, sample: file, message: expected.trimmingCharacters(in: .newlines))
    }

    @Test("lint prints exactly the row's message", arguments: zip(shown.map(\.file), rows))
    func diagnostics(file: String, row: BadInputRow) {
        #expect(!row.message.joined().isEmpty, "\(file) has no .expected file")
        let printed = CorpusTests.diagnostics(of: RepositoryPaths.corpus + "/" + file, relativeTo: RepositoryPaths.corpus)
        #expect(printed.components(separatedBy: "\n") == row.message)
    }

    @Test("docs/bad-input.md shows exactly these rows")
    func documented() {
        #expect(BadInputTable.disagreement(group: "Scenario files", rows: Self.rows) == nil)
    }
}
