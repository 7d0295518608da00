import Foundation
import OCPP

/// TriggerMessage: the central system asks for a message now.
extension StationModel {
    mutating func triggerMessage(_ request: IncomingPayload, now: Date) throws(CallRefusal) -> JSONObject {
        let requested = try request.string("requestedMessage")
        let connectorId = try request.optionalInteger("connectorId")
        if let connectorId, !connectors.indices.contains(connectorId) { return ["status": "Rejected"] }
        switch requested {
        case "BootNotification":
            enqueueBootNotification(triggered: true)
        case "Heartbeat":
            enqueue("Heartbeat", [:], triggered: true)
        case "StatusNotification":
            for index in connectorId.map({ [$0] }) ?? Array(connectors.indices) {
                enqueueStatusNotification(connector: index, triggered: true, now: now)
            }
        case "MeterValues":
            let targets = connectorId.map { $0 == 0 ? Array(chargingConnectorIds) : [$0] } ?? Array(chargingConnectorIds)
            for index in targets {
                let value = meterValue(connector: index, measurands: sampledMeasurands, context: "Trigger", now: now)
                var payload: JSONObject = ["connectorId": .integer(index), "meterValue": [value]]
                if let number = connectors[index].transaction?.localId, let id = transactionIds[number] {
                    payload["transactionId"] = .integer(id)
                }
                enqueue("MeterValues", payload, triggered: true)
            }
        case "DiagnosticsStatusNotification":
            enqueue("DiagnosticsStatusNotification", ["status": .string(diagnosticsUpload?.status ?? "Idle")], triggered: true)
        case "FirmwareStatusNotification":
            enqueue("FirmwareStatusNotification", ["status": .string(firmwareUpdate?.status ?? "Idle")], triggered: true)
        default:
            return ["status": "NotImplemented"]
        }
        return ["status": "Accepted"]
    }
}
