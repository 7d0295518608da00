import Foundation
import OCPP

/// The local authorization list (SendLocalList).
extension StationModel {
    mutating func sendLocalList(_ request: IncomingPayload) throws(CallRefusal) -> JSONObject {
        let version = try request.integer("listVersion")
        let full = try request.string("updateType") == "Full"
        let entries = request.value["localAuthorizationList"]?.arrayValue ?? []
        guard entries.count <= configuration.integer(.sendLocalListMaxLength) else { return ["status": "Failed"] }
        var list: [AuthorizationStore.ListEntry] = []
        for (index, entry) in entries.enumerated() {
            guard let idTag = entry["idTag"]?.stringValue else {
                throw CallRefusal(code: "OccurenceConstraintViolation",
                                  description: "SendLocalList: localAuthorizationList[\(index)].idTag is missing")
            }
            list.append(AuthorizationStore.ListEntry(idTag: idTag, info: IdTagInfo(entry["idTagInfo"])))
        }
        let status = authorization.update(version: version, entries: list, full: full,
                                          maxLength: configuration.integer(.localAuthListMaxLength))
        return ["status": .string(status.rawValue)]
    }
}
