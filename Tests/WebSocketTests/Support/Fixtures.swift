import Foundation
import WebSocket

/// Certificates made by ``PKI`` in a temporary directory: one CA, a server certificate, stations CP001 and CP002.
struct Certificates {
    let directory: TemporaryDirectory
    let files: PKI.Files

    init() throws {
        directory = try TemporaryDirectory()
        files = try PKI.initialize(directory: directory.path, stations: ["CP001", "CP002"])
    }

    /// Server TLS with this CA as client CA (mTLS) when `mutual`.
    func server(mutual: Bool, requireCommonName: Bool = true) -> TLSServerConfiguration {
        TLSServerConfiguration(certificatePath: files.serverCertificate, privateKeyPath: files.serverKey,
                               clientCAPath: mutual ? files.caCertificate : nil,
                               requireCommonNameMatchesIdentity: requireCommonName)
    }

    /// Client TLS trusting this CA, presenting `station`'s certificate when given.
    func client(station: String? = nil) -> TLSClientConfiguration {
        TLSClientConfiguration(caFile: files.caCertificate,
                               certificatePath: station.flatMap { files.stationCertificates[$0] },
                               privateKeyPath: station.flatMap { files.stationKeys[$0] })
    }

    func remove() { directory.remove() }
}

extension WebSocketServer {
    /// The next event, within `seconds`.
    func nextEvent(_ seconds: Double = 10) async throws -> Event {
        let events = self.events
        return try await within(seconds, "a server event") {
            var iterator = events.makeAsyncIterator()
            guard let event = await iterator.next() else { throw TimedOut(what: "a server event (stream ended)") }
            return event
        }
    }

    /// The next event, which must be an accepted connection.
    func nextConnection() async throws -> WebSocketConnection {
        switch try await nextEvent() {
        case .accepted(let connection): return connection
        case .rejected(let rejection): throw UnexpectedRejection(rejection: rejection)
        }
    }

    /// The next event, which must be a rejection.
    func nextRejection(_ seconds: Double = 10) async throws -> HandshakeRejection {
        switch try await nextEvent(seconds) {
        case .accepted(let connection): throw UnexpectedAcceptance(path: connection.info.path)
        case .rejected(let rejection): return rejection
        }
    }
}

struct UnexpectedRejection: Error { var rejection: HandshakeRejection }
struct UnexpectedAcceptance: Error { var path: String }

extension WebSocketConnection {
    /// The next message, within `seconds`; nil when the connection closed.
    func nextMessage(_ seconds: Double = 10) async throws -> WebSocketMessage? {
        let messages = self.messages
        return try await within(seconds, "a message") {
            var iterator = messages.makeAsyncIterator()
            return await iterator.next()
        }
    }

    /// How the connection ended, within `seconds`.
    func closed(_ seconds: Double = 10) async throws -> CloseInfo {
        try await within(seconds, "the connection to close") { await self.closure }
    }
}

/// Expects `body` to throw a ``WebSocketClientError`` and returns it.
func clientError(_ body: () async throws -> WebSocketConnection) async -> WebSocketClientError? {
    do {
        let connection = try await body()
        await connection.close()
        return nil
    } catch let error as WebSocketClientError {
        return error
    } catch {
        return nil
    }
}
