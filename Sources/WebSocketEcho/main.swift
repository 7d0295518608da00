// websocket-echo: the endpoints Autobahn TestSuite drives.
//
//   WebSocketEcho serve PORT                  echo server on 127.0.0.1:PORT (fuzzingclient's target)
//   WebSocketEcho fuzz URL AGENT [CASE...]    Autobahn client protocol against a fuzzingserver at URL
import Foundation
import WebSocket

/// Echo every message back until the peer closes.
func echo(_ connection: WebSocketConnection) async {
    for await message in connection.messages {
        do { try await connection.send(message) } catch { break }
    }
    _ = await connection.closure
}

/// Large messages are part of the suite (up to 16 MiB in group 9).
let maximumMessageSize = 64 * 1024 * 1024

func serve(port: Int) async throws {
    let server = try await WebSocketServer.start(.init(host: "127.0.0.1", port: port, maximumMessageSize: maximumMessageSize))
    print("echo server on ws://127.0.0.1:\(server.port)/<anything>")
    for await event in server.events {
        switch event {
        case .accepted(let connection):
            Task(executorPreference: connection.executor) { await echo(connection) }
        case .rejected(let rejection):
            print("rejected: \(rejection)")
        }
    }
}

/// Autobahn's client protocol: getCaseCount, then runCase for each case, then updateReports.
func fuzz(url: String, agent: String, only: [Int]) async throws {
    let configuration = WebSocketClient.Configuration(maximumMessageSize: maximumMessageSize)
    let counter = try await WebSocketClient.connect(to: "\(url)/getCaseCount", configuration: configuration)
    var count = 0
    for await message in counter.messages {
        if case .text(let text) = message { count = Int(text) ?? 0 }
    }
    print("fuzzing server has \(count) cases")
    for index in (only.isEmpty ? Array(1...max(count, 1)) : only) where index <= count {
        do {
            // Connect and echo on the loop's executor: the task resumes on the I/O thread before the loop goes on,
            // so messages that arrive together with a broken frame are answered before the connection fails.
            try await Task(executorPreference: EventLoop.shared) {
                let connection = try await WebSocketClient.connect(to: "\(url)/runCase?case=\(index)&agent=\(agent)",
                                                                   configuration: configuration)
                await echo(connection)
            }.value
        } catch {
            print("case \(index): \(error)")
        }
    }
    let reports = try await WebSocketClient.connect(to: "\(url)/updateReports?agent=\(agent)", configuration: configuration)
    _ = await reports.closure
    print("reports updated for \(agent)")
}

let arguments = CommandLine.arguments
do {
    switch arguments.dropFirst().first {
    case "serve" where arguments.count == 3:
        try await serve(port: Int(arguments[2]) ?? 9001)
    case "fuzz" where arguments.count >= 4:
        try await fuzz(url: arguments[2], agent: arguments[3], only: arguments.dropFirst(4).compactMap { Int($0) })
    default:
        print("usage: WebSocketEcho serve PORT | WebSocketEcho fuzz URL AGENT [CASE...]")
        exit(2)
    }
} catch {
    print("error: \(error)")
    exit(1)
}
