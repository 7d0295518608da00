import Foundation

/// A location inside a JSON value, written as a JSON Pointer (RFC 6901): `/meterValue/0/sampledValue/0/measurand`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: an object member or an array element.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root.
    public var components: [Component]

    /// The root path (renders as the empty pointer, shown as `/`).
    public static let root = JSONPath(components: [])

    /// A path of `components` from the root.
    public init(components: [Component]) {
        self.components = components
    }

    /// Parses a JSON Pointer such as `/meterValue/0/value`; numeric steps become indices. A leading `/` is optional.
    public init(pointer: String) {
        let trimmed = pointer.hasPrefix("/") ? pointer.dropFirst() : Substring(pointer)
        guard !trimmed.isEmpty else {
            components = []
            return
        }
        components = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { step in
            let key = step.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(key), index >= 0, !key.hasPrefix("+") { return .index(index) }
            return .key(key)
        }
    }

    /// This path extended by an object member.
    public func appending(key: String) -> JSONPath { JSONPath(components: components + [.key(key)]) }

    /// This path extended by an array element.
    public func appending(index: Int) -> JSONPath { JSONPath(components: components + [.index(index)]) }

    /// The pointer text; the root is written `/` so that messages never start with an empty location.
    public var description: String {
        guard !components.isEmpty else { return "/" }
        var text = ""
        for component in components {
            text += "/"
            switch component {
            case .key(let key):
                text += key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let index):
                text += String(index)
            }
        }
        return text
    }
}

extension JSONValue {
    /// The value at `path`, `nil` when a step does not exist.
    public subscript(path path: JSONPath) -> JSONValue? {
        var current: JSONValue? = self
        for component in path.components {
            switch component {
            case .key(let key): current = current?[key]
            case .index(let index): current = current?[index]
            }
        }
        return current
    }
}
