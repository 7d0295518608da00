/// Why a YAML file could not be turned into a node tree, and where.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure; each has its own message so a user knows what to fix.
    public enum Kind: Sendable, Hashable {
        /// libyaml's scanner or parser refused the text.
        case syntax
        /// A tab character used for indentation.
        case tabIndentation
        /// A second document (`---`) in a file that holds one.
        case multipleDocuments
        /// No document at all (empty file, or comments only).
        case emptyFile
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// The same key twice in one mapping.
        case duplicateKey
        /// Nesting deeper than the limit.
        case tooDeep
        /// Aliases that expand to more nodes than the limit (an "alias bomb").
        case aliasExpansionTooLarge
        /// An alias whose anchor was not defined before it.
        case unknownAlias
        /// A file larger than the limit.
        case tooLarge
    }

    public var kind: Kind
    /// Where the problem is.
    public var location: Location
    /// What went wrong and what to do, in one sentence.
    public var message: String

    public init(_ kind: Kind, at location: Location, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}
