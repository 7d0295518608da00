// The soak (`make soak`): a thousand emulated stations, a share of them misbehaving, and a rogue transport client,
// against `chargecheck run` for SOAK_SECONDS; then the checks. See docs/soak.md.
import ChargecheckCLI
import Emulator
import Foundation
import WebSocket

if CommandLine.arguments.dropFirst().first == "rogue" {
    let arguments = CommandLine.arguments.dropFirst(2).map { $0 }
    guard arguments.count == 3, let port = Int(arguments[0]), let tlsPort = Int(arguments[2]) else {
        FileHandle.standardError.write(Data("usage: Soak rogue WS_PORT PATH_PREFIX WSS_PORT\n".utf8))
        exit(2)
    }
    var client = RogueClient(port: port, pathPrefix: arguments[1], tlsPort: tlsPort)
    client.run()
}

do {
    let settings = try SoakSettings(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    exit(try await SoakRun(settings: settings).run())
} catch {
    FileHandle.standardError.write(Data("soak: \(error)\n".utf8))
    exit(2)
}
