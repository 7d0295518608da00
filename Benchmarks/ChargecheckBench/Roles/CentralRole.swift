import Foundation
import OCPP
import Synchronization
import WebSocket

/// `_central`: the project's own central system (WebSocket server, one strict ``OCPPSession`` per station,
/// default replies) on 127.0.0.1. Reports `{"port", "rssKiB"}` when listening, then answers `sample` commands
/// with its connection and call counts, resident memory and CPU time.
enum CentralRole {
    /// Counts shared by every connection's task.
    private final class Counters: Sendable {
        let accepted = Atomic<Int>(0)
        let open = Atomic<Int>(0)
        let rejected = Atomic<Int>(0)
        let calls = Atomic<Int>(0)
    }

    static func run(_ arguments: RoleArguments, link: ParentLink) async -> Never {
        ProcessMeasures.raiseOpenFileLimit(to: 100_000)
        var configuration = WebSocketServer.Configuration(host: "127.0.0.1", pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"],
                                                          handshakeTimeout: .seconds(60))
        if let directory = arguments["pki"] { configuration.tls = BenchPKI(existing: directory).serverTLS }
        let server: WebSocketServer
        do {
            server = try await WebSocketServer.start(configuration)
        } catch {
            link.fail("central system cannot listen: \(error)")
        }
        let counters = Counters()
        let replies = DefaultReplies(heartbeatInterval: arguments.integer("heartbeat-interval", default: 300))
        Task {
            for await event in server.events {
                switch event {
                case .accepted(let connection):
                    counters.accepted.add(1, ordering: .relaxed)
                    counters.open.add(1, ordering: .relaxed)
                    let session = OCPPSession(transport: connection, info: SessionInfo(
                        connection: connection.info, connectionId: connection.info.identity, role: .centralSystem))
                    Task(executorPreference: connection.executor) {
                        for await call in session.incomingCalls {
                            _ = try? await call.respondWithDefault(replies)
                            counters.calls.add(1, ordering: .relaxed)
                        }
                        counters.open.subtract(1, ordering: .relaxed)
                    }
                case .rejected:
                    counters.rejected.add(1, ordering: .relaxed)
                }
            }
        }
        link.report(["port": .integer(server.port), "rssKiB": .decimal(ProcessMeasures.residentKiB())])
        while true {
            guard await link.nextCommand() == "sample" else { continue }
            link.report([
                "accepted": .integer(counters.accepted.load(ordering: .relaxed)),
                "open": .integer(counters.open.load(ordering: .relaxed)),
                "rejected": .integer(counters.rejected.load(ordering: .relaxed)),
                "calls": .integer(counters.calls.load(ordering: .relaxed)),
                "rssKiB": .decimal(ProcessMeasures.residentKiB()),
                "cpuSeconds": .decimal(ProcessMeasures.cpuSeconds()),
            ])
        }
    }
}
