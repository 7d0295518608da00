public import OCPP
public import Scenario

/// What a station is and supports (OCPP compliance testing's PICS and PIXIT): a scenario whose `requires:` the profile
/// rules out is NOT_APPLICABLE, never FAIL. Every field is optional; what is not stated rules nothing out.
public struct StationTestProfile: Sendable, Hashable {
    /// `connectors:` how many connectors.
    public var connectors: Int?
    /// `fixed-cable:` whether the cable is fixed (true) or a socket (false).
    public var fixedCable: Bool?
    /// `profiles:` the OCPP feature profiles supported (`Core`, `SmartCharging`, …).
    public var featureProfiles: [String]?
    /// `messages:` the OCPP messages supported, when the profile lists them one by one.
    public var messages: [String]?
    /// `security:` the connection modes the station offers.
    public var securityModes: [SecurityMode]?
    /// `id-tags:` cards of each kind (valid, invalid, blocked, expired).
    public var idTags: [IdTagKind: [String]]
    /// Everything else the profile holds (meter settings, PIXIT values), available to scenarios as `profile.<key>`.
    public var values: JSONObject

    public init(connectors: Int? = nil, fixedCable: Bool? = nil, featureProfiles: [String]? = nil, messages: [String]? = nil,
                securityModes: [SecurityMode]? = nil, idTags: [IdTagKind: [String]] = [:], values: JSONObject = [:]) {
        self.connectors = connectors
        self.fixedCable = fixedCable
        self.featureProfiles = featureProfiles
        self.messages = messages
        self.securityModes = securityModes
        self.idTags = idTags
        self.values = values
    }

    /// Why `requirements` cannot be met by this station connected in `mode` (`nil`: the scenario applies). On a live
    /// station a scenario for another connection mode is "not offered".
    public func reasonNotApplicable(_ requirements: Requirements, connectedIn mode: SecurityMode?, live: Bool) -> String? {
        if let wanted = requirements.security {
            if let offered = securityModes, !offered.contains(wanted) {
                return "the station profile does not offer the connection mode \(wanted.rawValue)"
            }
            if live, let mode, mode != wanted {
                return "not offered: the station is connected in \(mode.rawValue), the scenario needs \(wanted.rawValue)"
            }
        }
        if let needed = requirements.connectors, let connectors, connectors < needed {
            return "needs \(needed) connectors, the station profile has \(connectors)"
        }
        if let needed = requirements.fixedCable, let fixedCable, needed != fixedCable {
            return needed ? "needs a fixed cable, the station has a socket" : "needs a socket, the station has a fixed cable"
        }
        if let supported = featureProfiles {
            let missing = requirements.profiles.filter { !supported.contains($0) }
            if !missing.isEmpty { return "needs the feature profile \(missing.joined(separator: ", ")), not in the station profile" }
        }
        if let supported = messages {
            let missing = requirements.messages.filter { !supported.contains($0) }
            if !missing.isEmpty { return "needs \(missing.joined(separator: ", ")), not supported by the station profile" }
        }
        for kind in requirements.idTags where idTags[kind]?.isEmpty ?? !idTags.isEmpty {
            return "needs an idTag of the kind \(kind.rawValue), the station profile lists none"
        }
        return nil
    }

    /// The `profile` variable scenarios see: the profile's values plus `connectors`, `fixedCable`, `idTags`.
    public var jsonValue: JSONValue {
        var object = values
        if let connectors { object["connectors"] = .integer(connectors) }
        if let fixedCable { object["fixedCable"] = .bool(fixedCable) }
        if let featureProfiles { object["profiles"] = .array(featureProfiles.map(JSONValue.string)) }
        var tags = JSONObject()
        for kind in IdTagKind.allCases { tags[kind.rawValue] = .array((idTags[kind] ?? []).map(JSONValue.string)) }
        object["idTags"] = .object(tags)
        return .object(object)
    }
}
