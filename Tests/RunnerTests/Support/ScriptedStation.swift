import Foundation
import OCPP
@testable import Runner
import WebSocket

/// A charge point written for one test: an OCPP session over a real WebSocket client connection to the runner.
final class ScriptedStation: Sendable {
    let identity: String
    let session: OCPPSession

    private init(identity: String, session: OCPPSession) {
        self.identity = identity
        self.session = session
    }

    /// Connects to `endpoint` with its credentials (Basic Auth password, client certificate).
    static func connect(identity: String, endpoint: StationEndpoint) async throws -> ScriptedStation {
        let tls = TLSClientConfiguration(caFile: endpoint.caFile, certificatePath: endpoint.clientCertificate,
                                         privateKeyPath: endpoint.clientKey)
        let configuration = WebSocketClient.Configuration(
            subprotocols: ["ocpp1.6"],
            basicAuth: endpoint.password.map { WebSocketClient.BasicCredentials(username: identity, password: $0) }, tls: tls)
        let connection = try await WebSocketClient.connect(to: endpoint.url, configuration: configuration)
        let session = OCPPSession(transport: connection,
                                  info: SessionInfo(connectionId: "station-\(identity)", stationIdentity: identity, role: .chargePoint),
                                  configuration: SessionConfiguration(defaultTimeout: .seconds(10)))
        return ScriptedStation(identity: identity, session: session)
    }

    /// Sends a CALL and waits for the answer.
    @discardableResult
    func call(_ action: String, _ payload: JSONValue) async -> CallOutcome {
        await session.call(action, payload, timeout: .seconds(10))
    }

    /// BootNotification, then connector 1 Available.
    func boot() async {
        await call("BootNotification", ["chargePointVendor": "Scripted", "chargePointModel": "Test-1"])
        await status(1, "Available")
    }

    /// A StatusNotification for `connector`.
    @discardableResult
    func status(_ connector: Int, _ status: String) async -> CallOutcome {
        await call("StatusNotification", ["connectorId": .integer(connector), "errorCode": "NoError", "status": .string(status)])
    }

    func close() async {
        await session.close()
    }
}
