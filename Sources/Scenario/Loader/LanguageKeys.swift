/// Every key the loader accepts, per kind of mapping. The loader checks files against these tables (unknown key →
/// error with a did-you-mean), and a test checks them against `grammar/scenario.schema.json`, so neither drifts.
public enum LanguageKeys {
    /// Keys of a scenario file (`scenario:`) and, with `fixture:` instead, of a fixture file.
    public static let scenario = ["scenario", "id", "tags", "description", "requires", "expected-failure", "given", "uses", "timeout", "within", "replies", "steps", "teardown"]
    /// Keys of a fixture file.
    public static let fixture = ["fixture"] + scenario.dropFirst()
    /// Keys of a suite file.
    public static let suite = ["suite", "id", "description", "given", "scenarios", "verdict", "optional-messages"]
    /// Keys of `requires:`.
    public static let requires = ["security", "messages", "profiles", "connectors", "fixed-cable", "id-tags"]
    /// Keys of a `uses:` entry written as a mapping.
    public static let include = ["file", "with"]
    /// Keys that say how to answer a station CALL (in an `expect` step and in a `replies` entry).
    public static let reply = ["reply", "reply-error", "reply-after", "no-reply", "reply-raw"]
    /// Keys of `reply-error:`.
    public static let replyError = ["code", "description", "details"]
    /// Keys of a `verdict:` rule.
    public static let verdictRule = ["name", "all-pass", "any-pass", "messages"]

    /// Step verbs and, for each, the keys its step accepts (the verb first).
    public static let steps: [(verb: String, keys: [String])] = [
        ("send", ["send", "name", "with", "match", "match-error", "capture", "within", "invalid"]),
        ("expect", ["expect", "name", "match", "capture", "within", "optional"] + reply),
        ("wait", ["wait", "name"]),
        ("hold", ["hold", "name", "heartbeat-interval", "tolerance"]),
        ("expect-disconnect", ["expect-disconnect", "name", "within"]),
        ("expect-reconnect", ["expect-reconnect", "name", "within"]),
        ("expect-none", ["expect-none", "name", "match", "for"]),
        ("action", ["action", "name", "connector", "id-tag", "error-code", "prompt", "within"]),
        ("any-order", ["any-order", "name"]),
        ("repeat", ["repeat", "name", "times", "for-each"]),
        ("assert", ["assert", "name", "message"]),
        ("log", ["log", "name"]),
    ]

    /// The verbs alone.
    public static var verbs: [String] { steps.map(\.verb) }

    /// Matcher operators.
    public static let matcherOperators = ["$type", "$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$regex", "$oneOf", "$absent", "$exists", "$any", "$len", "$contains", "$unordered", "$each", "$exact", "$not"]
}
