// WebSocket benchmark: connections held and messages per second on loopback.
//
//   WebSocketBenchmark [CONNECTIONS [ACTIVE [ROUNDS [ws|wss]]]]    defaults: 10000 100 1000 ws
//
// The server runs in this process on the shared event loop; the clients run in a child process (the same
// executable with `client ...`) so that each side has its own descriptors and its own loop thread.
// Phase 1 opens CONNECTIONS connections and holds them. Phase 2 runs ROUNDS sequential 64-byte echo round trips on
// ACTIVE of them at once, while all stay open.
import Foundation
import Synchronization
import WebSocket

/// Resident memory of this process in MiB.
func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Double(line.split(separator: " ")[1]) else { return 0 }
    return kilobytes / 1024
}

/// User plus system CPU seconds of this process.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

// MARK: Client process

func runClients(port: Int, connections: Int, active: Int, rounds: Int, secure: Bool, caFile: String?) async throws {
    let scheme = secure ? "wss" : "ws"
    let configuration = WebSocketClient.Configuration(tls: TLSClientConfiguration(caFile: caFile), connectTimeout: .seconds(60))
    let start = ContinuousClock.now
    var open: [WebSocketConnection] = []
    open.reserveCapacity(connections)
    let batch = 250
    for first in stride(from: 0, to: connections, by: batch) {
        let opened = try await withThrowingTaskGroup(of: WebSocketConnection.self) { group in
            for index in first..<min(first + batch, connections) {
                group.addTask { try await WebSocketClient.connect(to: "\(scheme)://localhost:\(port)/CP\(index)", configuration: configuration) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        open += opened
    }
    print("connected \(open.count) \(seconds(since: start))")
    fflush(nil)
    _ = readLine()   // the server has counted and measured; go on
    let payload = String(repeating: "x", count: 64)
    let roundStart = ContinuousClock.now
    let cpuStart = cpuSeconds()
    try await withThrowingTaskGroup(of: Void.self) { group in
        for connection in open.prefix(active) {
            group.addTask(executorPreference: connection.executor) {
                var iterator = connection.messages.makeAsyncIterator()
                for _ in 0..<rounds {
                    try await connection.send(text: payload)
                    guard await iterator.next() != nil else { throw WebSocketError.connectionClosed(nil) }
                }
            }
        }
        try await group.waitForAll()
    }
    print("rounds \(active * rounds) \(seconds(since: roundStart)) \(cpuSeconds() - cpuStart)")
    fflush(nil)
    await withTaskGroup(of: Void.self) { group in
        for connection in open { group.addTask { await connection.close() } }
    }
}

// MARK: Server process

/// Connections the server holds and handshakes it refused.
final class Counters: Sendable {
    let held = Atomic<Int>(0)
    let rejected = Atomic<Int>(0)
}

/// Lines from the child's stdout, read on a plain thread (blocking reads stay off the cooperative pool).
final class PipeLines: @unchecked Sendable {
    // Thread-safety: `buffer` is used by one `next()` at a time; callers await each line before asking again.
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(_ handle: FileHandle) { self.handle = handle }

    func next() async throws -> String? {
        await withCheckedContinuation { continuation in
            Thread {
                while true {
                    if let newline = self.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = String(decoding: self.buffer[..<newline], as: UTF8.self)
                        self.buffer.removeFirst(newline + 1)
                        continuation.resume(returning: line)
                        return
                    }
                    let chunk = self.handle.availableData
                    if chunk.isEmpty {
                        continuation.resume(returning: nil)
                        return
                    }
                    self.buffer += chunk
                }
            }.start()
        }
    }
}

func runBenchmark(connections: Int, active: Int, rounds: Int, secure: Bool) async throws {
    var configuration = WebSocketServer.Configuration(host: "127.0.0.1", handshakeTimeout: .seconds(60))
    var caFile: String?
    var pkiDirectory: String?
    if secure {
        let directory = NSTemporaryDirectory() + "websocket-benchmark-" + UUID().uuidString
        let files = try PKI.initialize(directory: directory)
        configuration.tls = TLSServerConfiguration(certificatePath: files.serverCertificate, privateKeyPath: files.serverKey)
        caFile = files.caCertificate
        pkiDirectory = directory
    }
    defer { if let pkiDirectory { try? FileManager.default.removeItem(atPath: pkiDirectory) } }
    let server = try await WebSocketServer.start(configuration)
    let counters = Counters()
    let acceptor = Task {
        for await event in server.events {
            switch event {
            case .accepted(let connection):
                counters.held.add(1, ordering: .relaxed)
                Task(executorPreference: connection.executor) {
                    for await message in connection.messages { try? await connection.send(message) }
                    counters.held.subtract(1, ordering: .relaxed)
                }
            case .rejected(let rejection):
                counters.rejected.add(1, ordering: .relaxed)
                print("rejected: \(rejection)")
            }
        }
    }

    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["client", String(server.port), String(connections), String(active), String(rounds), secure ? "wss" : "ws"]
        + (caFile.map { [$0] } ?? [])
    let output = Pipe()
    let input = Pipe()
    child.standardOutput = output
    child.standardInput = input
    try child.run()
    let iterator = PipeLines(output.fileHandleForReading)
    let idleRSS = residentMiB()

    guard let connected = try await iterator.next() else { throw CocoaError(.fileReadUnknown) }
    let connectFields = connected.split(separator: " ")
    // Wait (bounded) until the server has seen every handshake the client completed.
    for _ in 0..<1000 where counters.held.load(ordering: .relaxed) < connections { try await Task.sleep(for: .milliseconds(10)) }
    let heldNow = counters.held.load(ordering: .relaxed)
    let heldRSS = residentMiB()
    let serverCPUBefore = cpuSeconds()
    input.fileHandleForWriting.write(Data("go\n".utf8))

    guard let roundsLine = try await iterator.next() else { throw CocoaError(.fileReadUnknown) }
    let serverCPU = cpuSeconds() - serverCPUBefore
    let roundFields = roundsLine.split(separator: " ")
    child.waitUntilExit()
    acceptor.cancel()
    await server.shutdown()

    let connectSeconds = Double(connectFields[2]) ?? 0
    let totalRounds = Double(roundFields[1]) ?? 0
    let roundSeconds = Double(roundFields[2]) ?? 1
    let clientCPU = Double(roundFields[3]) ?? 0
    let mode = secure ? "wss (TLS 1.3)" : "ws"
    print("""
    WebSocket benchmark, \(mode), loopback, \(ProcessInfo.processInfo.activeProcessorCount) cores
      connections held:      \(heldNow) of \(connections) (rejected \(counters.rejected.load(ordering: .relaxed))), opened in \(String(format: "%.2f", connectSeconds)) s \
    (\(Int(Double(connections) / max(connectSeconds, 0.001))) handshakes/s)
      server RSS:            \(String(format: "%.0f", idleRSS)) MiB idle -> \(String(format: "%.0f", heldRSS)) MiB holding \(heldNow) \
    (\(String(format: "%.1f", (heldRSS - idleRSS) * 1024 / Double(max(heldNow, 1)))) KiB per connection)
      echo round trips:      \(Int(totalRounds)) (\(active) connections x \(rounds), 64-byte text) in \(String(format: "%.2f", roundSeconds)) s
      messages per second:   \(Int(2 * totalRounds / roundSeconds)) (\(Int(totalRounds / roundSeconds)) round trips/s)
      server CPU per round trip: \(String(format: "%.1f", serverCPU * 1e6 / max(totalRounds, 1))) µs; client CPU \
    \(String(format: "%.1f", clientCPU * 1e6 / max(totalRounds, 1))) µs
    """)
}

let arguments = CommandLine.arguments
if arguments.count >= 7, arguments[1] == "client" {
    try await runClients(port: Int(arguments[2]) ?? 0, connections: Int(arguments[3]) ?? 0, active: Int(arguments[4]) ?? 0,
                         rounds: Int(arguments[5]) ?? 0, secure: arguments[6] == "wss", caFile: arguments.count > 7 ? arguments[7] : nil)
} else {
    let numbers = arguments.dropFirst().compactMap { Int($0) }
    try await runBenchmark(connections: numbers.first ?? 10_000, active: numbers.dropFirst().first ?? 100,
                           rounds: numbers.dropFirst(2).first ?? 1000, secure: arguments.contains("wss"))
}
