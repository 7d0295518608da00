import CEpoll
import Glibc

/// A WebSocket server (ws:// or wss://) on one ``EventLoop``.
///
/// ```swift
/// let server = try await WebSocketServer.start(.init(port: 0, pathPrefix: "/ocpp", subprotocols: ["ocpp1.6"]))
/// for await event in server.events {
///     if case .accepted(let connection) = event { ... }
/// }
/// ```
public final class WebSocketServer: Sendable {
    /// What happens to each client.
    public enum Event: Sendable {
        /// A completed handshake.
        case accepted(WebSocketConnection)
        /// A failed TLS handshake, HTTP request, authentication, or a timeout.
        case rejected(HandshakeRejection)
    }

    /// The bound port (the real one when the configuration asked for 0).
    public let port: Int
    /// Accepted connections and rejected handshakes, in order. One consumer.
    public let events: AsyncStream<Event>
    private let core: ServerCore

    private init(port: Int, events: AsyncStream<Event>, core: ServerCore) {
        self.port = port
        self.events = events
        self.core = core
    }

    /// Binds and listens; throws ``WebSocketServerError`` or ``TLSSetupError``.
    public static func start(_ configuration: Configuration, on loop: EventLoop = .shared) async throws -> WebSocketServer {
        let tls = try configuration.tls.map { configuration throws(TLSSetupError) in try TLSContext.server(configuration) }
        let fd: Int32
        do {
            fd = try Socket.listen(host: configuration.host, port: configuration.port)
        } catch {
            throw WebSocketServerError.cannotListen(host: configuration.host, port: configuration.port, reason: error.description)
        }
        let (events, sink) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .unbounded)
        let core = ServerCore(loop: loop, listenFD: fd, configuration: configuration, tls: tls, events: sink)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            loop.execute {
                core.startListening()
                continuation.resume()
            }
        }
        return WebSocketServer(port: SocketAddress.localPort(of: fd), events: events, core: core)
    }

    /// Stops listening, drops handshakes in progress, closes open connections with 1001 and finishes ``events``.
    public func shutdown() async {
        let core = self.core
        let open = await withCheckedContinuation { (continuation: CheckedContinuation<[WebSocketConnection], Never>) in
            core.loop.execute { continuation.resume(returning: core.stop()) }
        }
        await withTaskGroup(of: Void.self) { group in
            for connection in open {
                group.addTask { await connection.close(code: 1001, reason: "server shutting down") }
            }
        }
    }
}

/// Why a server could not start.
public enum WebSocketServerError: Error, Sendable, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        }
    }
}

/// The server's loop-side state: the listening socket, handshakes and open connections.
final class ServerCore: EventHandler, @unchecked Sendable {
    // Thread-safety: `handshakes`, `connections` and `listening` are used only on `loop`'s thread;
    // the rest is immutable.
    let loop: EventLoop
    let configuration: WebSocketServer.Configuration
    let tls: TLSContext?
    private let listenFD: Int32
    private let sink: AsyncStream<WebSocketServer.Event>.Continuation
    private var handshakes: [ObjectIdentifier: ServerHandshake] = [:]
    private var connections: [ObjectIdentifier: WebSocketConnection] = [:]
    private var listening = false

    init(loop: EventLoop, listenFD: Int32, configuration: WebSocketServer.Configuration, tls: TLSContext?,
         events: AsyncStream<WebSocketServer.Event>.Continuation) {
        self.loop = loop
        self.listenFD = listenFD
        self.configuration = configuration
        self.tls = tls
        self.sink = events
    }

    func startListening() {
        listening = true
        loop.register(listenFD, handler: self, events: EPOLLIN.rawValue)
    }

    func handle(events: UInt32) {
        while listening {
            let fd = Glibc.accept(listenFD, nil, nil)
            guard fd >= 0 else {
                if errno == EMFILE || errno == ENFILE {
                    // Out of descriptors: pause accepting briefly instead of spinning on a ready listener.
                    loop.modify(listenFD, events: 0)
                    loop.schedule(after: .milliseconds(100)) { [weak self] in
                        guard let self, self.listening else { return }
                        self.loop.modify(self.listenFD, events: EPOLLIN.rawValue)
                    }
                }
                return
            }
            Socket.setNonBlocking(fd)
            Socket.setNoDelay(fd)
            let peer = SocketAddress.peer(of: fd)?.description ?? "unknown peer"
            let channel = Channel(loop: loop, fd: fd, peer: peer, connecting: false)
            let handshake = ServerHandshake(server: self, channel: channel)
            handshakes[ObjectIdentifier(channel)] = handshake
            handshake.start()
        }
    }

    func accept(channel: Channel, info: ConnectionInfo) {
        handshakes[ObjectIdentifier(channel)] = nil
        let settings = SessionSettings(maximumMessageSize: configuration.maximumMessageSize,
                                       pingInterval: configuration.pingInterval, pongDeadline: configuration.pongDeadline)
        let session = Session(role: .server, channel: channel, settings: settings)
        let connection = WebSocketConnection(info: info, session: session)
        let key = ObjectIdentifier(channel)
        connections[key] = connection
        session.onEnd = { [weak self] in self?.connections[key] = nil }
        session.begin()
        sink.yield(.accepted(connection))
    }

    func reject(_ rejection: HandshakeRejection) {
        sink.yield(.rejected(rejection))
    }

    func forget(_ channel: Channel) {
        handshakes[ObjectIdentifier(channel)] = nil
    }

    /// Stops accepting and returns the open connections for closing.
    func stop() -> [WebSocketConnection] {
        if listening {
            listening = false
            loop.deregister(listenFD)
            Glibc.close(listenFD)
        }
        for handshake in handshakes.values { handshake.abort() }
        handshakes = [:]
        sink.finish()
        return Array(connections.values)
    }
}
