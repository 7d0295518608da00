import Foundation
import OCPP

/// The routes of the control API, independent of the HTTP server that carries them.
///
/// `POST /connectors/{n}/plug`, `/unplug`, `/idtag` (the tag as the body, or `{"idTag": "…"}`), `/fault` (the error
/// code as the body, or `{"errorCode": "…"}`, `OtherError` when empty), `/clear-fault`, `/stop`; `POST /power-loss`,
/// `/power-restore`, `/network-loss`, `/network-restore`; `GET /status`. With several stations, prefix a route with `/stations/{identity}`; without the
/// prefix a route acts on the first station.
public struct ControlAPI: Sendable {
    /// An HTTP answer: status code and JSON body.
    public struct Response: Sendable, Equatable {
        public let status: Int
        public let body: JSONValue
    }

    public let fleet: EmulatorFleet

    public init(fleet: EmulatorFleet) {
        self.fleet = fleet
    }

    /// Answers `method` on `target` (path and query) with `body`.
    public func handle(method: String, target: String, body: String) async -> Response {
        var segments = target.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/").map(String.init) } ?? []
        var emulator = fleet.emulators.first
        var stationScoped = false
        if segments.first == "stations", segments.count >= 2 {
            let identity = segments[1].removingPercentEncoding ?? segments[1]
            guard let chosen = fleet.emulator(identity: identity) else {
                return error(404, "no station \(identity); the stations are \(fleet.emulators.map(\.configuration.identity).joined(separator: ", "))")
            }
            emulator = chosen
            stationScoped = true
            segments.removeFirst(2)
        }
        guard let emulator else { return error(404, "the fleet has no stations") }
        if segments == ["status"] {
            guard method == "GET" else { return error(405, "use GET for /status") }
            if stationScoped || fleet.emulators.count == 1 { return Response(status: 200, body: await emulator.snapshot.json) }
            var stations: [JSONValue] = []
            for member in fleet.emulators { stations.append(await member.snapshot.json) }
            return Response(status: 200, body: ["stations": .array(stations)])
        }
        let action: PhysicalAction
        switch parseAction(segments, body: body) {
        case .success(let parsed): action = parsed
        case .failure(let failure): return failure.response
        }
        guard method == "POST" else { return error(405, "use POST for \(target)") }
        do {
            try await emulator.perform(action)
        } catch {
            return self.error(409, error.description)
        }
        return Response(status: 200, body: ["ok": true, "action": .string(action.description), "station": await emulator.snapshot.json])
    }

    private struct RouteFailure: Error {
        let response: Response
    }

    private func parseAction(_ segments: [String], body: String) -> Result<PhysicalAction, RouteFailure> {
        func fail(_ status: Int, _ message: String) -> Result<PhysicalAction, RouteFailure> {
            .failure(RouteFailure(response: error(status, message)))
        }
        switch segments {
        case ["power-loss"]: return .success(.powerLoss)
        case ["power-restore"]: return .success(.powerRestore)
        case ["network-loss"]: return .success(.networkLoss)
        case ["network-restore"]: return .success(.networkRestore)
        default: break
        }
        guard segments.count == 3, segments[0] == "connectors" else {
            return fail(404, "unknown route; see docs/emulator.md for the control API")
        }
        guard let connector = Int(segments[1]) else { return fail(400, "connector must be a number, not \(segments[1])") }
        switch segments[2] {
        case "plug": return .success(.plug(connector: connector))
        case "unplug": return .success(.unplug(connector: connector))
        case "stop": return .success(.pressStop(connector: connector))
        case "clear-fault": return .success(.clearFault(connector: connector))
        case "idtag":
            guard let tag = field("idTag", in: body), !tag.isEmpty else {
                return fail(400, "send the idTag as the request body, or as {\"idTag\": \"…\"}")
            }
            return .success(.presentIdTag(tag, connector: connector))
        case "fault":
            let name = field("errorCode", in: body) ?? ""
            guard let code = name.isEmpty ? .otherError : ChargePointErrorCode(rawValue: name) else {
                return fail(400, "unknown errorCode \(name); choose from \(ChargePointErrorCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .success(.raiseFault(connector: connector, errorCode: code))
        default:
            return fail(404, "unknown connector action \(segments[2]); use plug, unplug, idtag, fault, clear-fault or stop")
        }
    }

    /// A body that is either a JSON object with `key` or plain text.
    private func field(_ key: String, in body: String) -> String? {
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("{") else { return trimmed }
        return (try? JSONParser().parse(trimmed))?[key]?.stringValue
    }

    private func error(_ status: Int, _ message: String) -> Response {
        Response(status: status, body: ["ok": false, "error": .string(message)])
    }
}
