import Foundation
import OCPP
import Scenario
import WebSocket

/// The central-system side stations connect to: one WebSocket server per listener, each connection routed by its
/// identity to that station's ``StationChannel`` (a reconnecting station continues on the same channel).
actor CentralSystem {
    /// The listeners as started: configuration and the URL stations connect to (identity appended).
    struct Listener: Sendable {
        let configuration: ListenerConfiguration
        let server: WebSocketServer
        let url: String
    }

    private let configurations: [ListenerConfiguration]
    private let stationFilter: String?
    private let limits: RunLimits
    private let observer: any RunObserver
    private let makeChannel: @Sendable (String) -> StationChannel
    private(set) var listeners: [Listener] = []
    private var channels: [String: StationChannel] = [:]
    /// Refused handshakes, the first ``listedRejections`` of them (a handshake flood must not grow memory).
    private(set) var rejections: [String] = []
    /// Refused handshakes beyond those listed.
    private(set) var unlistedRejections = 0
    static let listedRejections = 1_000
    private var connectionCounter = 0
    /// New stations, as each first connects.
    nonisolated let arrivals: AsyncStream<StationChannel>
    private let arrivalContinuation: AsyncStream<StationChannel>.Continuation
    private var acceptTasks: [Task<Void, Never>] = []

    init(listeners: [ListenerConfiguration], stationFilter: String?, limits: RunLimits = RunLimits(), observer: any RunObserver,
         makeChannel: @escaping @Sendable (String) -> StationChannel) {
        configurations = listeners
        self.stationFilter = stationFilter
        self.limits = limits
        self.observer = observer
        self.makeChannel = makeChannel
        (arrivals, arrivalContinuation) = AsyncStream.makeStream(of: StationChannel.self)
    }

    /// Opens every listener; returns their URLs. On failure, the ones already open are closed.
    func start() async throws -> [String] {
        for configuration in configurations {
            try configuration.validate()
            let server: WebSocketServer
            do {
                server = try await WebSocketServer.start(WebSocketServer.Configuration(
                    host: configuration.host, port: configuration.port, pathPrefix: configuration.pathPrefix,
                    subprotocols: ["ocpp1.6"], tls: configuration.tls, basicAuth: configuration.basicAuth,
                    handshakeTimeout: limits.handshakeTime, maximumRequestHeadSize: limits.headerSize,
                    maximumMessageSize: limits.messageSize))
            } catch {
                await shutdown()
                throw ListenerError("cannot listen on \(configuration.url(port: configuration.port)): \(error)")
            }
            let listener = Listener(configuration: configuration, server: server, url: configuration.url(port: server.port))
            listeners.append(listener)
            acceptTasks.append(Task { await self.accept(from: listener) })
        }
        return listeners.map(\.url)
    }

    /// The URL a station in `mode` connects to (the first listener admitting that mode).
    func url(for mode: SecurityMode) -> String? {
        listeners.first { $0.configuration.mode == mode }?.url
    }

    private func accept(from listener: Listener) async {
        for await event in listener.server.events {
            switch event {
            case .accepted(let connection): await admit(connection, listener: listener)
            case .rejected(let rejection):
                reject(LimitAdvice.advise("\(listener.url): \(rejection)", LimitAdvice.limit(reachedBy: rejection)))
            }
        }
    }

    /// Lists a refused handshake (while fewer than ``listedRejections`` are) and tells the observer.
    private func reject(_ text: String) {
        if rejections.count < Self.listedRejections {
            rejections.append(text)
        } else {
            unlistedRejections += 1
        }
        observer.handle(.handshakeRejected(text))
    }

    private func admit(_ connection: WebSocketConnection, listener: Listener) async {
        let info = connection.info
        if let stationFilter, info.identity != stationFilter {
            reject("\(info.peer): station \(info.identity) refused: only \(stationFilter) is under test (--station-id)")
            await connection.close(code: 1008, reason: "not the station under test")
            return
        }
        connectionCounter += 1
        let record = ConnectionRecord(
            connectionId: "\(info.identity)#\(connectionCounter)", mode: Self.mode(of: info), security: Self.describe(info),
            listener: listener.url, peer: info.peer, path: info.path, subprotocol: info.subprotocol,
            tls: info.tls.map { "\($0.version) \($0.cipher)" }, clientCertificate: info.tls?.peerCertificateSubject,
            basicAuthUser: info.basicKeyForm == nil ? nil : info.identity, notes: info.notes.map(\.description), opened: Date())
        let channel: StationChannel
        var isNew = false
        if let existing = channels[info.identity] {
            channel = existing
        } else {
            channel = makeChannel(info.identity)
            channels[info.identity] = channel
            isNew = true
        }
        await channel.attach(transport: connection, record: record)
        observer.handle(.stationConnected(identity: info.identity, connection: record))
        if isNew { arrivalContinuation.yield(channel) }
    }

    /// The connection mode of an accepted connection.
    static func mode(of info: ConnectionInfo) -> SecurityMode? {
        switch info.security {
        case .none: .ws
        case .basic: info.tls == nil ? nil : .wssBasic
        case .mtls: .wssMTLS
        case .tls: nil
        }
    }

    static func describe(_ info: ConnectionInfo) -> String {
        switch info.security {
        case .none: "ws"
        case .basic: info.tls == nil ? "ws (Basic Auth)" : "wss (Basic Auth)"
        case .tls: "wss (no client authentication)"
        case .mtls: "wss (client certificate)"
        }
    }

    /// Closes the listeners and every station connection.
    func shutdown() async {
        for channel in channels.values { await channel.closeAll(reason: "the run is over") }
        for listener in listeners { await listener.server.shutdown() }
        for task in acceptTasks { task.cancel() }
        listeners = []
        arrivalContinuation.finish()
    }
}
