import Foundation
import Glibc

/// Opens client connections (the emulator's side).
public enum WebSocketClient {
    /// Connects to a ws:// or wss:// URL and completes the opening handshake.
    /// Throws ``WebSocketClientError`` (or ``TLSSetupError`` for unusable certificate files).
    public static func connect(to url: String, configuration: Configuration = .init(),
                               on loop: EventLoop = .shared) async throws -> WebSocketConnection {
        let target = try ClientTarget(url)
        let tls = try target.secure ? TLSContext.cachedClient(configuration.tls) : nil
        let addresses: [SocketAddress]
        do {
            addresses = try SocketAddress.resolveAll(host: target.host, port: target.port)
        } catch {
            throw WebSocketClientError.resolutionFailed(host: target.host, reason: error.message)
        }
        // Try each address in turn while connecting itself fails (localhost may resolve to ::1 before 127.0.0.1).
        var lastError = WebSocketClientError.resolutionFailed(host: target.host, reason: "no address")
        for address in addresses {
            let outcome = await attempt(address, target: target, configuration: configuration, tls: tls, loop: loop)
            switch outcome {
            case .success(let connection):
                return connection
            case .failure(let error):
                lastError = error
                switch error {
                case .connectionRefused, .connectFailed: continue
                default: throw error
                }
            }
        }
        throw lastError
    }

    private static func attempt(_ address: SocketAddress, target: ClientTarget, configuration: Configuration, tls: TLSContext?,
                                loop: EventLoop) async -> Result<WebSocketConnection, WebSocketClientError> {
        let fd: Int32
        do {
            fd = try Socket.startConnect(to: address)
        } catch {
            return .failure(error.code == ECONNREFUSED ? .connectionRefused(peer: address.description)
                : .connectFailed(peer: address.description, reason: error.message))
        }
        // Handed over through a OneShot rather than a bare continuation: the connection is built on the loop thread,
        // and its lock shows ThreadSanitizer that this comes before the caller uses it (docs/sanitizers.md).
        let outcome = OneShot<Result<WebSocketConnection, WebSocketClientError>>()
        loop.execute {
            let channel = Channel(loop: loop, fd: fd, peer: address.description, connecting: true)
            let handshake = ClientHandshake(channel: channel, target: target, configuration: configuration,
                                            completion: { outcome.complete($0) })
            handshake.start(tls: tls)
        }
        return await outcome.value
    }
}

/// The parts of a WebSocket URL a client needs.
struct ClientTarget: Sendable {
    var secure: Bool
    var host: String
    var port: Int
    /// Path and query, "/ocpp/CP001".
    var resource: String
    /// The Host header value.
    var hostHeader: String

    init(_ url: String) throws(WebSocketClientError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw .invalidURL(url, reason: "not a URL")
        }
        guard scheme == "ws" || scheme == "wss" else { throw .invalidURL(url, reason: "scheme must be ws or wss, not \(scheme)") }
        guard let host = components.host, !host.isEmpty else { throw .invalidURL(url, reason: "no host") }
        secure = scheme == "wss"
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        let defaultPort = secure ? 443 : 80
        port = components.port ?? defaultPort
        guard (1...65535).contains(port) else { throw .invalidURL(url, reason: "port \(port) out of range") }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        resource = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        let bracketed = self.host.contains(":") ? "[\(self.host)]" : self.host
        hostHeader = port == defaultPort ? bracketed : "\(bracketed):\(port)"
    }
}
