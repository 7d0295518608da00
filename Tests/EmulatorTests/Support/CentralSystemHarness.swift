import Foundation
import OCPP
import WebSocket
@testable import Emulator

/// A small central system for tests: a WebSocket server on 127.0.0.1 (port 0) whose OCPP sessions record every CALL
/// a station sends (with its strict validation) and answer it with the default replies or a test's overrides.
actor CentralSystemHarness {
    /// A CALL the station sent.
    struct Received: Sendable {
        let index: Int
        let action: String
        let payload: JSONValue
        let validation: ValidationReport
        /// Which connection it came on, counting from 1.
        let connection: Int
    }

    let server: WebSocketServer
    /// The base URL stations are given (without their identity).
    nonisolated let url: String
    private var received: [Received] = []
    private var consumed: Set<Int> = []
    private var session: OCPPSession?
    private(set) var connections: [ConnectionInfo] = []
    private(set) var disconnects = 0
    private(set) var rejections: [String] = []
    /// Violations found in the station's answers to our CALLs.
    private(set) var answerViolations: [String] = []
    var replies: DefaultReplies
    /// Actions left unanswered (the station's CALL times out).
    var unanswered: Set<String> = []
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    private init(server: WebSocketServer, url: String, heartbeatInterval: Int) {
        self.server = server
        self.url = url
        replies = DefaultReplies(heartbeatInterval: heartbeatInterval, firstTransactionId: 501)
    }

    /// Starts a central system on a free loopback port; `tls` makes it wss://.
    static func start(port: Int = 0, tls: TLSServerConfiguration? = nil, basicAuth: BasicAuthConfiguration? = nil,
                      heartbeatInterval: Int = 60) async throws -> CentralSystemHarness {
        let server = try await WebSocketServer.start(.init(port: port, pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"], tls: tls,
                                                           basicAuth: basicAuth))
        let scheme = tls == nil ? "ws" : "wss"
        let harness = CentralSystemHarness(server: server, url: "\(scheme)://127.0.0.1:\(server.port)/ocpp",
                                           heartbeatInterval: heartbeatInterval)
        Task { await harness.acceptConnections() }
        return harness
    }

    func shutdown() async {
        await server.shutdown()
    }

    func setReply(_ action: String, _ reply: @escaping DefaultReplies.Reply) {
        replies.overrides[action] = reply
    }

    func leaveUnanswered(_ action: String) {
        unanswered.insert(action)
    }

    private func acceptConnections() async {
        for await event in server.events {
            switch event {
            case .accepted(let connection): attach(connection)
            case .rejected(let rejection):
                rejections.append(String(describing: rejection))
                changed()
            }
        }
    }

    private func attach(_ connection: WebSocketConnection) {
        connections.append(connection.info)
        let number = connections.count
        let session = OCPPSession(transport: connection,
                                  info: SessionInfo(connectionId: "cs-\(number)", stationIdentity: connection.info.identity,
                                                    role: .centralSystem))
        self.session = session
        Task {
            for await call in session.incomingCalls {
                await self.record(call, connection: number)
            }
        }
        Task {
            _ = await session.waitUntilClosed()
            self.closed(session)
        }
        changed()
    }

    private func closed(_ closedSession: OCPPSession) {
        disconnects += 1
        if session === closedSession { session = nil }
        changed()
    }

    private func record(_ call: IncomingCall, connection: Int) async {
        received.append(Received(index: received.count, action: call.action, payload: call.payload,
                                 validation: call.validation, connection: connection))
        changed()
        guard !unanswered.contains(call.action), let reply = replies.reply(to: call.action, request: call.payload) else { return }
        _ = try? await call.respond(reply)
    }

    // MARK: Talking to the station

    /// Sends a CALL to the connected station; records violations in its answer.
    func call(_ action: String, _ payload: JSONValue, timeout: Duration = livePatience) async -> CallOutcome {
        guard let session else { return .disconnected }
        let outcome = await session.call(action, payload, timeout: timeout)
        if case .result(_, let validation) = outcome, !validation.isValid {
            answerViolations.append("\(action): \(validation)")
        }
        return outcome
    }

    /// Closes the connection to the station from the central system's side.
    func dropConnection() async {
        await session?.close(code: 1001, reason: "central system going away")
    }

    /// The `status` of the station's answer to a CALL, `nil` when it did not answer with a CALLRESULT.
    func status(_ action: String, _ payload: JSONValue) async -> String? {
        await call(action, payload).resultPayload?["status"]?.stringValue
    }

    // MARK: Waiting

    /// The first CALL `action` (matching `condition`) not taken yet, waiting for it at most `timeout`.
    func expect(_ action: String, timeout: Duration = livePatience,
                where condition: @Sendable (JSONValue) -> Bool = { _ in true }) async -> Received? {
        await waitFor(timeout) { harness in
            guard let found = harness.received.first(where: {
                !harness.consumed.contains($0.index) && $0.action == action && condition($0.payload)
            }) else { return nil }
            harness.consumed.insert(found.index)
            return found
        }
    }

    /// Waits at most `timeout` until `check` gives a value.
    func waitFor<T: Sendable>(_ timeout: Duration, _ check: @Sendable (isolated CentralSystemHarness) -> T?) async -> T? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let value = check(self) { return value }
            guard ContinuousClock.now < deadline else { return nil }
            await nextChange(before: deadline)
        }
    }

    /// Waits at most `timeout` until `condition` holds.
    func waitUntil(_ timeout: Duration, _ condition: @Sendable (isolated CentralSystemHarness) -> Bool) async -> Bool {
        await waitFor(timeout) { condition($0) ? true : nil } ?? false
    }

    private func nextChange(before deadline: ContinuousClock.Instant) async {
        nextWaiter += 1
        let token = nextWaiter
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline)
            await self?.wake(token)
        }
        await withCheckedContinuation { waiters[token] = $0 }
        timer.cancel()
    }

    private func wake(_ token: Int) {
        waiters.removeValue(forKey: token)?.resume()
    }

    private func changed() {
        let current = waiters
        waiters.removeAll()
        for waiter in current.values { waiter.resume() }
    }

    // MARK: Reading

    /// Every CALL received, in order.
    var all: [Received] { received }

    /// The CALLs `action` received so far.
    func received(_ action: String) -> [Received] {
        received.filter { $0.action == action }
    }

    /// Every strict-validation error in the station's CALLs.
    var callViolations: [String] {
        received.flatMap { call in call.validation.errors.map { "\(call.action): \($0)" } }
    }

    var isConnected: Bool { session != nil }
}
