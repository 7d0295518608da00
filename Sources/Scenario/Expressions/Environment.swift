public import Foundation
public import OCPP

/// What expressions, templates and matchers see at run time: the variables in scope and the sources of time and
/// identifiers (injectable, so tests and time-scaled runs are deterministic).
public struct Environment: Sendable {
    /// Variables by name: `given` values, captures, loop variables, and whatever the runner adds (`station`, `profile`).
    public var variables: [String: JSONValue]
    /// The current time, for `now()`.
    public var clock: @Sendable () -> Date
    /// A fresh identifier, for `uuid()`.
    public var makeUUID: @Sendable () -> String

    public init(
        variables: [String: JSONValue] = [:],
        clock: @escaping @Sendable () -> Date = { Date() },
        makeUUID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.variables = variables
        self.clock = clock
        self.makeUUID = makeUUID
    }

    /// The value of `name`, `nil` when it is not defined.
    public subscript(name: String) -> JSONValue? {
        get { variables[name] }
        set { variables[name] = newValue }
    }

    /// A copy with `bindings` added (replacing same-named variables), e.g. `payload` and `reply` for a capture.
    public func adding(_ bindings: [String: JSONValue]) -> Environment {
        var copy = self
        copy.variables.merge(bindings) { _, new in new }
        return copy
    }

    /// Names the runner always defines, so the loader accepts them without a `given`.
    public static let runnerProvidedNames: Set<String> = ["station", "profile"]
}
