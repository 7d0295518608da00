import Foundation

/// The station's configuration keys and their values, with the rules of GetConfiguration and ChangeConfiguration.
struct ConfigurationStore: Sendable {
    /// The result of a ChangeConfiguration, as its `status` says.
    enum ChangeStatus: String, Sendable {
        case accepted = "Accepted"
        case rejected = "Rejected"
        case rebootRequired = "RebootRequired"
        case notSupported = "NotSupported"
    }

    /// One key as GetConfiguration reports it.
    struct Entry: Sendable, Equatable {
        let key: String
        let readOnly: Bool
        let value: String
    }

    private let connectorCount: Int
    private var values: [ConfigurationKey: String]

    /// The initial configuration of a station with `connectorCount` connectors, then `overrides` by key name
    /// (unknown names and invalid values in `overrides` are ignored: they come from a profile file that was checked).
    init(connectorCount: Int, overrides: [String: String] = [:]) {
        self.connectorCount = connectorCount
        values = Dictionary(uniqueKeysWithValues: ConfigurationKey.allCases.map {
            ($0, $0.definition(connectorCount: connectorCount).initialValue)
        })
        for (name, value) in overrides {
            guard let key = ConfigurationKey(rawValue: name), isValid(value, for: key) else { continue }
            values[key] = value
        }
    }

    /// The value of `key` as text.
    func text(_ key: ConfigurationKey) -> String { values[key] ?? "" }

    /// The value of an integer key (0 when unset).
    func integer(_ key: ConfigurationKey) -> Int { Int(text(key)) ?? 0 }

    /// The value of a boolean key.
    func flag(_ key: ConfigurationKey) -> Bool { text(key).lowercased() == "true" }

    /// The measurands of a measurand-list key.
    func measurands(_ key: ConfigurationKey) -> [Measurand] { Measurand.list(text(key)) }

    /// Sets `key` without the read-only check (for values the station itself adopts, such as the heartbeat interval
    /// from a BootNotification answer).
    mutating func adopt(_ key: ConfigurationKey, value: String) {
        values[key] = value
    }

    /// GetConfiguration: the entries for `names` (all keys when `nil` or empty) and the names it does not know.
    func entries(for names: [String]?) -> (known: [Entry], unknown: [String]) {
        guard let names, !names.isEmpty else {
            return (ConfigurationKey.allCases.map(entry), [])
        }
        var known: [Entry] = []
        var unknown: [String] = []
        for name in names {
            if let key = ConfigurationKey(rawValue: name) { known.append(entry(key)) } else { unknown.append(name) }
        }
        return (known, unknown)
    }

    /// ChangeConfiguration: sets `name` to `value` when the key is known, writable and the value valid.
    mutating func change(_ name: String, to value: String) -> ChangeStatus {
        guard let key = ConfigurationKey(rawValue: name) else { return .notSupported }
        let definition = key.definition(connectorCount: connectorCount)
        guard !definition.readOnly, isValid(value, for: key) else { return .rejected }
        values[key] = value
        return definition.rebootRequired ? .rebootRequired : .accepted
    }

    private func entry(_ key: ConfigurationKey) -> Entry {
        Entry(key: key.rawValue, readOnly: key.definition(connectorCount: connectorCount).readOnly, value: text(key))
    }

    private func isValid(_ value: String, for key: ConfigurationKey) -> Bool {
        guard value.utf8.count <= 500 else { return false }
        switch key.definition(connectorCount: connectorCount).kind {
        case .boolean:
            return ["true", "false"].contains(value.lowercased())
        case .integer(let range):
            guard let number = Int(value) else { return false }
            return range.contains(number)
        case .measurands(let maxLengthKey):
            let items = value.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if value.isEmpty { return true }
            return items.count <= integer(maxLengthKey) && items.allSatisfy { Measurand(rawValue: $0) != nil }
        case .list:
            return true
        }
    }
}
