import Foundation
import OCPP
@testable import Runner
import Scenario

/// How a scripted station behaves: what it does on connecting, how it answers the central system's CALLs, how it
/// performs physical acts.
struct StationBehaviour: Sendable {
    var onConnect: @Sendable (ScriptedStation) async -> Void = { await $0.boot() }
    var onCall: @Sendable (IncomingCall, ScriptedStation, ScriptedProvider) async -> Void = { call, _, _ in
        _ = try? await call.respond(StationBehaviour.standardAnswer(to: call.action))
    }
    var onAction: @Sendable (ActionRequest, ScriptedStation) async -> StepOutcome = { _, _ in .passed }

    /// A plausible answer of a station to a central-system CALL.
    static func standardAnswer(to action: String) -> JSONValue {
        switch action {
        case "GetConfiguration": ["configurationKey": [["key": "HeartbeatInterval", "readonly": false, "value": "300"]]]
        case "DataTransfer": ["status": "UnknownVendorId"]
        case "ClearCache", "RemoteStartTransaction", "RemoteStopTransaction", "Reset", "UnlockConnector", "ChangeAvailability",
             "ChangeConfiguration", "TriggerMessage":
            action == "UnlockConnector" ? ["status": "Unlocked"] : ["status": "Accepted"]
        default: [:]
        }
    }
}

/// The station side of a run in tests: scripted stations connected the way the runner asks, in the mode it asks.
actor ScriptedProvider: StationProvider {
    let behaviour: StationBehaviour
    private var stations: [String: ScriptedStation] = [:]
    private var endpoints: [String: StationEndpoint] = [:]
    private var tasks: [Task<Void, Never>] = []

    init(behaviour: StationBehaviour) {
        self.behaviour = behaviour
    }

    nonisolated var performer: any ActionPerformer { ScriptedPerformer(provider: self) }

    func connect(identity: String, endpoint: StationEndpoint) async throws {
        if let old = stations.removeValue(forKey: identity) { await old.close() }
        endpoints[identity] = endpoint
        let station = try await ScriptedStation.connect(identity: identity, endpoint: endpoint)
        stations[identity] = station
        let behaviour = self.behaviour
        tasks.append(Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await behaviour.onConnect(station) }
                group.addTask {
                    for await call in station.session.incomingCalls {
                        await behaviour.onCall(call, station, self)
                    }
                }
            }
        })
    }

    /// Drops the station's connection and connects it again (as after a Reset), booting again.
    func reconnect(_ identity: String) async {
        guard let endpoint = endpoints[identity] else { return }
        try? await connect(identity: identity, endpoint: endpoint)
    }

    func station(_ identity: String) -> ScriptedStation? { stations[identity] }

    func stop() async {
        for station in stations.values { await station.close() }
        stations = [:]
        for task in tasks { task.cancel() }
    }
}

/// Physical acts done by the scripted station's behaviour.
struct ScriptedPerformer: ActionPerformer {
    let provider: ScriptedProvider

    var isAvailable: Bool { true }
    var unavailableReason: String { "" }

    func perform(_ request: ActionRequest, stationReacted: @escaping @Sendable () async -> Void) async -> ActionResult {
        let record = ActionRecord(act: request.act.rawValue, connector: request.connector, idTag: request.idTag,
                                  prompt: request.prompt, performer: .emulator)
        guard let station = await provider.station(request.station) else {
            return ActionResult(outcome: .error, record: record, message: "no station \(request.station)")
        }
        let outcome = await provider.behaviour.onAction(request, station)
        return ActionResult(outcome: outcome, record: record, message: outcome == .passed ? nil : "the station could not")
    }
}
