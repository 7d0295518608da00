public import OCPP
public import Scenario

/// A physical act a scenario asks for, with its parameters evaluated.
public struct ActionRequest: Sendable, Hashable {
    /// The act (`plug`, `unplug`, `present-card`, …).
    public var act: PhysicalAction.Act
    /// The connector (1 unless the step says otherwise).
    public var connector: Int
    /// The card for `present-card`.
    public var idTag: String?
    /// The ChargePointErrorCode for `fault`.
    public var errorCode: String?
    /// The instruction for a person ("Unplug the cable from connector 1").
    public var prompt: String
    /// The station identity.
    public var station: String
    /// How long the act may take (run time).
    public var within: Duration

    public init(act: PhysicalAction.Act, connector: Int, idTag: String? = nil, errorCode: String? = nil, prompt: String,
                station: String, within: Duration) {
        self.act = act
        self.connector = connector
        self.idTag = idTag
        self.errorCode = errorCode
        self.prompt = prompt
        self.station = station
        self.within = within
    }

    /// The instruction a person would need, worded from the act.
    public static func defaultPrompt(for act: PhysicalAction.Act, connector: Int, idTag: String?, errorCode: String?) -> String {
        switch act {
        case .plug: "Plug the EV cable into connector \(connector)"
        case .unplug: "Unplug the cable from connector \(connector)"
        case .presentCard: "Present the card \(idTag ?? "(any valid card)") at connector \(connector)"
        case .fault: "Cause the fault \(errorCode ?? "OtherError") on connector \(connector)"
        case .clearFault: "Clear the fault on connector \(connector)"
        case .powerCycle: "Switch the station off and on again"
        case .pressStop: "Press the stop button of connector \(connector)"
        }
    }

    /// The JSON handed to an action hook on stdin: `{"action", "connector", "idTag", "station"}` (plus `errorCode`
    /// and `prompt`). Scripts rely on these keys.
    public var hookJSON: JSONValue {
        var object: JSONObject = [
            "action": .string(act.rawValue),
            "connector": .integer(connector),
            "idTag": idTag.map(JSONValue.string) ?? .null,
            "station": .string(station),
        ]
        if let errorCode { object["errorCode"] = .string(errorCode) }
        object["prompt"] = .string(prompt)
        return .object(object)
    }
}

/// How a physical act went.
public struct ActionResult: Sendable, Hashable {
    /// `passed` when done (or confirmed), `failed` when the hook or emulator failed it, `skipped` when nobody could
    /// do it, `inconclusive` when the operator did not act in time, `error` when the means itself failed to start.
    public var outcome: StepOutcome
    /// Who did it and how, for the report.
    public var record: ActionRecord
    /// Why it did not pass.
    public var message: String?

    public init(outcome: StepOutcome, record: ActionRecord, message: String? = nil) {
        self.outcome = outcome
        self.record = record
        self.message = message
    }
}

/// Carries out physical acts: the emulator in-process, an operator at a terminal, a lab's hook command.
public protocol ActionPerformer: Sendable {
    /// Whether scenarios that need physical acts can run at all (false: they are SKIPPED with `unavailableReason`).
    var isAvailable: Bool { get }
    /// Why acts cannot be done, when they cannot.
    var unavailableReason: String { get }
    /// Performs the act; `stationReacted` returns once the station sends something new (an operator prompt may end
    /// there, since the scenario's next steps check what the station did).
    func perform(_ request: ActionRequest, stationReacted: @escaping @Sendable () async -> Void) async -> ActionResult
}

/// No one to act: every scenario that needs a physical act is SKIPPED (`--non-interactive` without a hook).
public struct NoActionPerformer: ActionPerformer {
    public let unavailableReason: String

    public init(reason: String = "the scenario needs an operator, and the run is non-interactive with no --action-hook") {
        unavailableReason = reason
    }

    public var isAvailable: Bool { false }

    public func perform(_ request: ActionRequest, stationReacted: @escaping @Sendable () async -> Void) async -> ActionResult {
        ActionResult(outcome: .skipped,
                     record: ActionRecord(act: request.act.rawValue, connector: request.connector, idTag: request.idTag,
                                          errorCode: request.errorCode, prompt: request.prompt, performer: .nobody),
                     message: unavailableReason)
    }
}
