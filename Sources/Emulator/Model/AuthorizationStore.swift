import Foundation

/// The station's knowledge of idTags: the local authorization list the central system sends, and the cache of
/// answers it has seen. The list wins over the cache.
struct AuthorizationStore: Sendable {
    /// The version of the local list; 0 when there is none.
    private(set) var listVersion = 0
    private(set) var localList: [String: IdTagInfo] = [:]
    private(set) var cache: [String: IdTagInfo] = [:]

    /// What the station knows of `idTag` without asking, from the list (when `useList`) or the cache (when `useCache`).
    func lookup(_ idTag: String, useList: Bool, useCache: Bool) -> IdTagInfo? {
        if useList, let info = localList[idTag] { return info }
        if useCache, let info = cache[idTag] { return info }
        return nil
    }

    /// Remembers an answer of the central system.
    mutating func remember(_ idTag: String, _ info: IdTagInfo) {
        cache[idTag] = info
    }

    /// ClearCache.
    mutating func clearCache() {
        cache.removeAll()
    }

    /// The result of SendLocalList, as its `status` says.
    enum UpdateStatus: String, Sendable {
        case accepted = "Accepted"
        case failed = "Failed"
        case notSupported = "NotSupported"
        case versionMismatch = "VersionMismatch"
    }

    /// One entry of a SendLocalList: an idTag with its info, or with none (remove it, in a differential update).
    struct ListEntry: Sendable {
        let idTag: String
        let info: IdTagInfo?
    }

    /// SendLocalList: replaces the list (`full`) or applies the entries to it, refusing a list longer than `maxLength`
    /// and a differential update whose version is not newer than the current one.
    mutating func update(version: Int, entries: [ListEntry], full: Bool, maxLength: Int) -> UpdateStatus {
        if !full && version <= listVersion { return .versionMismatch }
        var list = full ? [:] : localList
        for entry in entries {
            list[entry.idTag] = entry.info
        }
        guard list.count <= maxLength else { return .failed }
        localList = list
        listVersion = version
        return .accepted
    }
}
