import Foundation
import Testing
import YAML

@Suite("YAML parser")
struct YAMLParserTests {
    private func parse(_ text: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode {
        try YAMLParser.parse(Array(text.utf8), file: "t.yaml", limits: limits)
    }

    private func failure(_ text: String, limits: YAMLLimits = .standard) -> YAMLError? {
        do {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func buildsLocatedTree() throws {
        let root = try parse("a: 1\nlist:\n  - x\n  - 'y'\n")
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar?.text } == ["a", "list"])
        #expect(pairs[0].value.location == Location(file: "t.yaml", line: 1, column: 4))
        let items = try #require(pairs[1].value.sequence)
        #expect(items[1].scalar == YAMLScalar(text: "y", style: .singleQuoted))
        #expect(items[1].location.description == "t.yaml:4:5")
    }

    @Test("YAML 1.2 core typing of plain scalars", arguments: [
        ("true", YAMLCoreValue.bool(true)), ("on", .string("on")), ("no", .string("no")), ("yes", .string("yes")),
        ("~", .null), ("", .null), ("null", .null), ("0x10", .integer(16)), ("0o17", .integer(15)), ("-42", .integer(-42)),
        ("1e3", .float(1000)), ("1.5", .float(1.5)), (".5", .float(0.5)), ("1.2.3", .string("1.2.3")), ("0x", .string("0x")),
        ("99999999999999999999", .string("99999999999999999999")), ("TAG-0001", .string("TAG-0001")),
    ])
    func coreTyping(_ text: String, expected: YAMLCoreValue) {
        #expect(YAMLScalar(text: text, style: .plain).coreValue == expected)
    }

    @Test func quotedScalarsStayStrings() {
        #expect(YAMLScalar(text: "1", style: .doubleQuoted).coreValue == .string("1"))
        #expect(YAMLScalar(text: "true", style: .singleQuoted).coreValue == .string("true"))
    }

    @Test func aliasesResolveToTheAnchoredNode() throws {
        let root = try parse("a: &x {k: v}\nb: *x\n")
        let pairs = try #require(root.mapping)
        #expect(pairs[1].value.mapping == pairs[0].value.mapping)
        #expect(pairs[1].value.location.line == 2)
    }

    @Test("each bad input gets its own error", arguments: [
        ("a: 1\na: 2\n", YAMLError.Kind.duplicateKey, "t.yaml:2:1", "duplicate key 'a' (first at line 1, column 1); keep one"),
        ("a:\n\tb: 1\n", .tabIndentation, "t.yaml:2:1", "tab character used for indentation; YAML indents with spaces only"),
        ("a: 1\n---\nb: 2\n", .multipleDocuments, "t.yaml:2:1", "a second YAML document starts here; a scenario file holds one document (remove the '---' or split the file)"),
        ("", .emptyFile, "t.yaml:1:1", "the file is empty: it holds no YAML document"),
        ("# only a comment\n", .emptyFile, "t.yaml:1:1", "the file is empty: it holds no YAML document"),
        ("a: *nope\n", .unknownAlias, "t.yaml:1:4", "alias '*nope' refers to no anchor defined before it; define '&nope' first"),
        ("a: [1, 2\n", .syntax, "t.yaml:2:1", "did not find expected ',' or ']' (while parsing a flow sequence at 1:4)"),
    ])
    func badInput(_ text: String, kind: YAMLError.Kind, location: String, message: String) throws {
        let error = try #require(failure(text))
        #expect(error.kind == kind)
        #expect(error.location.description == location)
        #expect(error.message == message)
    }

    @Test func nonUTF8BytesAreLocated() throws {
        do {
            _ = try YAMLParser.parse(Array("a: 1\nb: x".utf8) + [0xFF, 0x0A], file: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidUTF8)
            #expect(error.description == "t.yaml:2:5: error: byte 0xFF is not UTF-8; save the file as UTF-8 text")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(failure(text))
        #expect(error.kind == .tooDeep)
        #expect(error.location.description == "t.yaml:1:65")
    }

    @Test func aliasBombIsBounded() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            text += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let error = try #require(failure(text))
        #expect(error.kind == .aliasExpansionTooLarge)
        #expect(error.location.line == 6)
    }

    /// Found while fuzzing the scenario loader: a suite listing `/dev/zero` (or a named pipe) was refused as
    /// "permission denied".
    @Test(arguments: ["/dev/null", "/dev/zero"])
    func devicesAreRefusedBeforeReading(path: String) throws {
        let error = try #require(throws: YAMLError.self) { try YAMLParser.parseFile(atPath: path) }
        #expect(error.message == "cannot read the file: it is not a regular file (a device, pipe or socket)")
        #expect(error.location.file == path && error.location.line == 1)
    }

    @Test func oversizedInputIsRefusedBeforeParsing() throws {
        let error = try #require(failure(String(repeating: "#", count: 2_000), limits: YAMLLimits(maximumBytes: 1_000)))
        #expect(error.kind == .tooLarge)
        #expect(error.message == "file is 2.0 KiB; scenario files are limited to 1000 bytes")
    }

    @Test("a directory or a missing file is an error at 1:1 naming why", arguments: [
        ("", "cannot read the file: it is a directory"),
        ("/missing.yaml", "cannot read the file: no such file"),
    ])
    func unreadableFile(suffix: String, message: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try YAMLParser.parseFile(atPath: directory + suffix, displayName: "given.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "given.yaml:1:1: error: \(message)")
        }
    }
}
