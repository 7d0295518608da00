import Foundation
import OCPP
import WebSocket

/// The traffic of a load-generating station: OCPP-J text sent straight over a WebSocket connection (frames built
/// once, answers checked by their head), so that the generator spends its core on the wire and not on its own
/// validation; the central system under test does the full parsing and validation.
enum StationLoad {
    /// The BootNotification CALL a station sends first.
    static func bootNotification(id: String) -> String {
        #"[2,"\#(id)","BootNotification",{"chargePointVendor":"Chargecheck","chargePointModel":"Bench"}]"#
    }

    static func heartbeat(id: String) -> String {
        #"[2,"\#(id)","Heartbeat",{}]"#
    }

    /// A MeterValues CALL with three sampled values (energy, power, current), the body built once per station.
    struct MeterValues: Sendable {
        private let body: String

        init(station: Int) {
            body = #"","MeterValues",{"connectorId":1,"transactionId":\#(1000 + station),"meterValue":[{"timestamp":"2026-11-26T02:00:00.000Z","sampledValue":[{"value":"\#(1_000_000 + station)","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"7200.5","context":"Sample.Periodic","measurand":"Power.Active.Import","unit":"W"},{"value":"16.2","context":"Sample.Periodic","measurand":"Current.Import","phase":"L1","unit":"A"}]}]}]"#
        }

        func frame(id: Int) -> String {
            #"[2,""# + String(id) + body
        }
    }

    /// Sends `text` and waits for the answer; true when it is a CALLRESULT (any other answer or a closed connection
    /// is false).
    static func roundTrip(_ connection: WebSocketConnection, _ text: String) async -> Bool {
        do { try await connection.send(text: text) } catch { return false }
        guard case .text(let answer)? = await connection.receive() else { return false }
        return answer.hasPrefix("[3,")
    }

    /// Opens `count` connections to `url/BENCH-i`, at most `concurrency` handshakes at a time, each booted with a
    /// BootNotification; returns those that succeeded, in no particular order, and the first failure.
    static func connectAll(url: String, count: Int, concurrency: Int, configuration: WebSocketClient.Configuration)
        async -> (connections: [WebSocketConnection], failures: Int, firstFailure: String?) {
        await withTaskGroup(of: Result<WebSocketConnection, BenchError>.self) { group in
            var connections: [WebSocketConnection] = []
            connections.reserveCapacity(count)
            var failures = 0
            var firstFailure: String?
            var started = 0
            func startNext() {
                let index = started
                started += 1
                group.addTask {
                    do {
                        let connection = try await WebSocketClient.connect(to: "\(url)/BENCH-\(index)", configuration: configuration)
                        guard await roundTrip(connection, bootNotification(id: "boot-\(index)")) else {
                            await connection.close()
                            return .failure(BenchError("BENCH-\(index): BootNotification not answered with a CALLRESULT"))
                        }
                        return .success(connection)
                    } catch {
                        return .failure(BenchError("BENCH-\(index): \(error)"))
                    }
                }
            }
            while started < min(concurrency, count) { startNext() }
            for await result in group {
                switch result {
                case .success(let connection): connections.append(connection)
                case .failure(let error):
                    failures += 1
                    if firstFailure == nil { firstFailure = error.message }
                }
                if started < count { startNext() }
            }
            return (connections, failures, firstFailure)
        }
    }

    /// The client configuration: OCPP 1.6 subprotocol, mutual TLS when a PKI folder is given.
    static func clientConfiguration(pki: String?) -> WebSocketClient.Configuration {
        WebSocketClient.Configuration(subprotocols: ["ocpp1.6"], tls: pki.map { BenchPKI(existing: $0).clientTLS } ?? .init(),
                                      connectTimeout: .seconds(60))
    }
}
