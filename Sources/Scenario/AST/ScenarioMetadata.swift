/// What a scenario is and what it needs: shown by `chargecheck list`, used for selection and applicability.
public struct ScenarioMetadata: Sendable, Hashable {
    /// `scenario:` (or `fixture:`) the display name.
    public var name: String
    /// `id:` stable identifier (default: the file path without extension, relative to the folder loaded).
    public var id: String
    /// `tags:` free labels; compliance case ids (`TC_013_CS`) are tags too.
    public var tags: [String]
    /// `description:` prose for reports.
    public var description: String?
    /// `requires:` prerequisites against the station profile and the connection mode.
    public var requirements: Requirements
    /// `expected-failure:` the reason this scenario is known to fail; an unexpected pass fails the run.
    public var expectedFailure: String?

    public init(
        name: String, id: String, tags: [String] = [], description: String? = nil, requirements: Requirements = Requirements(),
        expectedFailure: String? = nil
    ) {
        self.name = name
        self.id = id
        self.tags = tags
        self.description = description
        self.requirements = requirements
        self.expectedFailure = expectedFailure
    }

    /// The tags that are OCPP compliance test case ids (`TC_…`).
    public var complianceCases: [String] { tags.filter { $0.hasPrefix("TC_") } }
}

/// Prerequisites: a scenario whose prerequisite the station profile rules out is NOT_APPLICABLE, never FAIL.
public struct Requirements: Sendable, Hashable {
    /// `security:` the connection mode the station must be connected in; `nil` accepts any.
    public var security: SecurityMode?
    /// `messages:` OCPP messages the station must support (and that this scenario exercises).
    public var messages: [String]
    /// `profiles:` OCPP feature profiles the station must support (`Core`, `SmartCharging`, …).
    public var profiles: [String]
    /// `connectors:` the least number of connectors.
    public var connectors: Int?
    /// `fixed-cable:` `true` needs a fixed cable, `false` a socket; `nil` either.
    public var fixedCable: Bool?
    /// `id-tags:` kinds of idTag the profile must provide.
    public var idTags: [IdTagKind]

    public init(
        security: SecurityMode? = nil, messages: [String] = [], profiles: [String] = [], connectors: Int? = nil,
        fixedCable: Bool? = nil, idTags: [IdTagKind] = []
    ) {
        self.security = security
        self.messages = messages
        self.profiles = profiles
        self.connectors = connectors
        self.fixedCable = fixedCable
        self.idTags = idTags
    }
}

/// The three connection modes.
public enum SecurityMode: String, Sendable, Hashable, CaseIterable {
    /// `ws://` without authentication.
    case ws
    /// `wss://` with HTTP Basic Auth.
    case wssBasic = "wss-basic"
    /// `wss://` with a client certificate (mutual TLS).
    case wssMTLS = "wss-mtls"
}

/// Kinds of idTag a station profile lists.
public enum IdTagKind: String, Sendable, Hashable, CaseIterable {
    case valid, invalid, blocked, expired
}
