public import OCPP

/// A pattern for a received payload. Objects match partially (extra members are fine), arrays exactly and in order,
/// scalars by equivalence (`1 == 1.0`); `$`-operators say anything else.
public indirect enum Matcher: Sendable, Hashable {
    /// Equal to the template's value (`status: Accepted`, `connectorId: "${connector}"`).
    case equals(Template)
    /// An object whose listed members match; extra members allowed.
    case object([Field])
    /// An array of exactly these elements, in order.
    case array([Matcher])
    /// `$type: integer` (also `string number boolean object array null datetime`).
    case type(ValueType)
    /// `$eq $ne $gt $gte $lt $lte`.
    case compare(Comparison, Template)
    /// `$regex: "^[0-9]+$"`: the whole string matches the pattern.
    case regex(String)
    /// `$oneOf: [Accepted, Rejected]`.
    case oneOf([Template])
    /// `$absent: true`: the member is not there.
    case absent
    /// `$exists: true`: the member is there, with any value (including null).
    case exists
    /// `$any: true`: anything, present or not.
    case any
    /// `$len: 3` or `$len: {$gte: 1}`: length of a string, array or object.
    case length(Matcher)
    /// `$contains`: an array holding, for each matcher, its own distinct element matching it; or a string containing
    /// the template's text.
    case contains([Matcher])
    /// `$contains: "text"` on strings.
    case containsText(Template)
    /// `$unordered: [...]`: an array of the same length whose elements match the matchers in some order.
    case unordered([Matcher])
    /// `$each: m`: every element of an array matches.
    case each(Matcher)
    /// `$exact: value`: deep equality, no extra members anywhere.
    case exact(Template)
    /// `$not: m`.
    case not(Matcher)
    /// Several operators in one mapping: all must hold.
    case all([Matcher])

    /// One member of an object pattern.
    public struct Field: Sendable, Hashable {
        public var key: String
        public var matcher: Matcher

        public init(key: String, matcher: Matcher) {
            self.key = key
            self.matcher = matcher
        }
    }

    /// Comparison operators.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case eq = "$eq", ne = "$ne", gt = "$gt", gte = "$gte", lt = "$lt", lte = "$lte"

        var symbol: String {
            switch self {
            case .eq: "=="
            case .ne: "!="
            case .gt: ">"
            case .gte: ">="
            case .lt: "<"
            case .lte: "<="
            }
        }
    }

    /// Types `$type` knows.
    public enum ValueType: String, Sendable, Hashable, CaseIterable {
        case string, integer, number, boolean, object, array, null, datetime

        /// Whether `value` has this type (an integer is also a number; a datetime is an RFC 3339 string).
        public func admits(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.string, .string), (.integer, .integer), (.number, .integer), (.number, .decimal),
                (.boolean, .bool), (.object, .object), (.array, .array), (.null, .null):
                true
            case (.integer, .decimal(let number)): number == number.rounded() && abs(number) < 1e15
            case (.datetime, .string(let text)): RFC3339.check(text) == .valid
            default: false
            }
        }
    }
}

/// One way a value failed a matcher: where, what was wanted, what came.
public struct Mismatch: Sendable, Hashable, CustomStringConvertible {
    /// Where the value is (`/idTagInfo/status`).
    public var path: JSONPath
    /// What the matcher wanted, in words (`"Accepted"`, `integer >= 0`, `absent`).
    public var wanted: String
    /// What was there (`"Rejected"`, `absent`).
    public var got: String

    public init(path: JSONPath, wanted: String, got: String) {
        self.path = path
        self.wanted = wanted
        self.got = got
    }

    public var description: String { "\(path): wanted \(wanted), got \(got)" }
}
