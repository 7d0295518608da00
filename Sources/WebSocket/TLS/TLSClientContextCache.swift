import Foundation
import Locking

extension TLSContext {
    private struct CacheKey: Hashable {
        var configuration: TLSClientConfiguration
        /// Modification times of the files named, so a rewritten certificate is loaded afresh.
        var modified: [Date?]
    }

    private static let clientCache = Locked<[CacheKey: TLSContext]>([:])

    /// A client context for `configuration`, shared by connections with the same settings and unchanged files
    /// (loading a CA file per connection would dominate the cost of opening many emulated stations).
    static func cachedClient(_ configuration: TLSClientConfiguration) throws(TLSSetupError) -> TLSContext {
        let files = [configuration.caFile, configuration.certificatePath, configuration.privateKeyPath]
        let modified = files.map { path in
            path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        }
        let key = CacheKey(configuration: configuration, modified: modified)
        if let cached = clientCache.withLock({ $0[key] }) { return cached }
        let context = try client(configuration)
        clientCache.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }
            cache[key] = context
        }
        return context
    }
}
