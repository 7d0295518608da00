// chargecheck-bench: Chargecheck's speed and memory. See `chargecheck-bench --help`, `make bench` and
// docs/performance.md. The parent runs the workloads; hidden roles (`_central`, `_stations`, `_fleet`) are the
// same executable started by the parent as its central system and stations.
import Foundation

let words = Array(CommandLine.arguments.dropFirst())
let roles: [String: @Sendable (RoleArguments, ParentLink) async -> Never] = [
    "_central": CentralRole.run, "_stations": StationsRole.run, "_fleet": FleetRole.run,
]
if let first = words.first, let role = roles[first] {
    await role(RoleArguments(Array(words.dropFirst())), ParentLink())
}
if BenchOptions.wantsHelp(words) {
    print(BenchOptions.help)
    exit(0)
}
let options: BenchOptions
do {
    options = try BenchOptions(words)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
ChildRegistry.killChildrenOnInterrupt()
exit(await BenchRun(options: options).run())
