import Locking

/// Per-station credentials, changeable while the server runs (e.g. after a ChangeConfiguration of AuthorizationKey).
public final class CredentialStore: Sendable {
    private let keys: Locked<[String: AuthorizationKey]>

    /// A store holding `keys` by charge point identity.
    public init(_ keys: [String: AuthorizationKey] = [:]) {
        self.keys = Locked(keys)
    }

    /// The key of `identity`, if one is configured.
    public func key(for identity: String) -> AuthorizationKey? {
        keys.withLock { $0[identity] }
    }

    /// Sets or removes (nil) the key of `identity`.
    public func setKey(_ key: AuthorizationKey?, for identity: String) {
        keys.withLock { $0[identity] = key }
    }
}
