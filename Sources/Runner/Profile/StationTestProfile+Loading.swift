import OCPP
import Scenario
import YAML

/// A station profile file that cannot be used, with the place of the problem.
public struct ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    init(_ message: String, at location: Location) {
        description = "\(location): error: \(message)"
    }

    init(_ description: String) {
        self.description = description
    }
}

extension StationTestProfile {
    /// The keys a profile file may have.
    static let keys = ["connectors", "fixed-cable", "profiles", "messages", "security", "id-tags", "meter", "credentials",
                       "values"]

    /// Reads a profile file:
    ///
    /// ```yaml
    /// connectors: 2
    /// fixed-cable: false
    /// profiles: [Core, SmartCharging, RemoteTrigger]
    /// security: [ws, wss-basic]
    /// id-tags: { valid: [TAG-0001], invalid: [TAG-BAD], blocked: [], expired: [] }
    /// meter: { sample-interval: 10, measurands: [Energy.Active.Import.Register] }
    /// values: { anything: the scenarios read as profile.anything }
    /// ```
    public static func load(path: String) throws(ProfileError) -> StationTestProfile {
        let root: YAMLNode
        do {
            root = try YAMLParser.parseFile(atPath: path)
        } catch {
            throw ProfileError("\(error)")
        }
        guard let pairs = root.mapping else { throw ProfileError("a station profile is a mapping of keys", at: root.location) }
        var profile = StationTestProfile()
        for pair in pairs {
            guard let key = pair.key.scalar?.text else { throw ProfileError("a key must be text", at: pair.key.location) }
            let node = pair.value
            switch key {
            case "connectors":
                guard case .integer(let count) = node.scalar?.coreValue, count >= 0 else {
                    throw ProfileError("connectors must be a whole number", at: node.location)
                }
                profile.connectors = count
            case "fixed-cable":
                guard case .bool(let fixed) = node.scalar?.coreValue else {
                    throw ProfileError("fixed-cable must be true or false", at: node.location)
                }
                profile.fixedCable = fixed
            case "profiles": profile.featureProfiles = try strings(node, key)
            case "messages": profile.messages = try strings(node, key)
            case "security":
                profile.securityModes = try strings(node, key).map { name throws(ProfileError) in
                    guard let mode = SecurityMode(rawValue: name) else {
                        throw ProfileError("unknown connection mode \"\(name)\" (use ws, wss-basic, wss-mtls)", at: node.location)
                    }
                    return mode
                }
            case "id-tags":
                guard let kinds = node.mapping else { throw ProfileError("id-tags maps valid/invalid/blocked/expired to lists", at: node.location) }
                for kindPair in kinds {
                    guard let name = kindPair.key.scalar?.text, let kind = IdTagKind(rawValue: name) else {
                        throw ProfileError("unknown idTag kind (use valid, invalid, blocked, expired)", at: kindPair.key.location)
                    }
                    profile.idTags[kind] = try strings(kindPair.value, name)
                }
            case "meter", "credentials", "values":
                profile.values[key] = try json(node, depth: 0)
            default:
                throw ProfileError("unknown key \"\(key)\"; a station profile has \(keys.joined(separator: ", "))", at: pair.key.location)
            }
        }
        return profile
    }

    static func strings(_ node: YAMLNode, _ key: String) throws(ProfileError) -> [String] {
        guard let items = node.sequence else { throw ProfileError("\(key) must be a list", at: node.location) }
        return try items.map { item throws(ProfileError) in
            guard let text = item.scalar?.text else { throw ProfileError("\(key) lists text values", at: item.location) }
            return text
        }
    }

    /// A YAML value as JSON (bounded depth).
    static func json(_ node: YAMLNode, depth: Int) throws(ProfileError) -> JSONValue {
        guard depth < 32 else { throw ProfileError("nested too deeply", at: node.location) }
        switch node.content {
        case .scalar(let scalar):
            switch scalar.coreValue {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .integer(let value): return .integer(value)
            case .float(let value): return value.isFinite ? .decimal(value) : .string(scalar.text)
            case .string(let value): return .string(value)
            }
        case .sequence(let items):
            return .array(try items.map { item throws(ProfileError) in try json(item, depth: depth + 1) })
        case .mapping(let pairs):
            var object = JSONObject()
            for pair in pairs {
                guard let key = pair.key.scalar?.text else { throw ProfileError("a key must be text", at: pair.key.location) }
                object[key] = try json(pair.value, depth: depth + 1)
            }
            return .object(object)
        }
    }
}
