/// Runs `body`, then `cleanup`, however `body` ends: the async `defer` Swift does not have.
func withCleanup<Value>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> Value,
    cleanup: () async -> Void
) async rethrows -> Value {
    let value: Value
    do {
        value = try await body()
    } catch {
        await cleanup()
        throw error
    }
    await cleanup()
    return value
}
