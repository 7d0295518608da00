import Emulator
import Foundation
import OCPP
import Scenario

/// The built-in emulator as the run's stations: one ``ChargePointEmulator`` per identity, started afresh (it boots)
/// whenever the runner asks for a connection, in the mode asked for; physical acts go to it in-process.
public actor EmulatorProvider: StationProvider {
    private let clock: any RunClock
    private let profile: Emulator.StationProfile
    private let faults: Set<FaultProfile>
    private var emulators: [String: ChargePointEmulator] = [:]

    /// Emulators running on `clock`, built from `profile`, misbehaving as `faults` say.
    public init(clock: any RunClock, profile: Emulator.StationProfile = Emulator.StationProfile(), faults: Set<FaultProfile> = []) {
        self.clock = clock
        self.profile = profile
        self.faults = faults
    }

    public nonisolated var performer: any ActionPerformer { EmulatorActionPerformer(provider: self) }

    public func connect(identity: String, endpoint: StationEndpoint) async throws {
        if let running = emulators.removeValue(forKey: identity) { await running.stop() }
        let security: EmulatorSecurity
        switch endpoint.mode {
        case .ws: security = .none
        case .wssBasic: security = .basic(password: endpoint.password ?? "", caFile: endpoint.caFile)
        case .wssMTLS:
            security = .mutualTLS(caFile: endpoint.caFile, certificate: endpoint.clientCertificate ?? "", key: endpoint.clientKey ?? "")
        }
        let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
            identity: identity, centralSystemURL: endpoint.listenerURL, security: security, profile: profile, faults: faults,
            clock: clock))
        emulators[identity] = emulator
        await emulator.start()
    }

    /// The emulator of `identity`, if it runs.
    func emulator(_ identity: String) -> ChargePointEmulator? { emulators[identity] }

    public func stop() async {
        for emulator in emulators.values { await emulator.stop() }
        emulators = [:]
    }
}

/// Physical acts done by the emulator itself.
struct EmulatorActionPerformer: ActionPerformer {
    let provider: EmulatorProvider

    var isAvailable: Bool { true }
    var unavailableReason: String { "" }

    func perform(_ request: ActionRequest, stationReacted: @escaping @Sendable () async -> Void) async -> ActionResult {
        let record = ActionRecord(act: request.act.rawValue, connector: request.connector, idTag: request.idTag,
                                  errorCode: request.errorCode, prompt: request.prompt, performer: .emulator)
        guard let emulator = await provider.emulator(request.station) else {
            return ActionResult(outcome: .error, record: record, message: "the emulator of \(request.station) is not running")
        }
        let actions: [Emulator.PhysicalAction]
        switch request.act {
        case .plug: actions = [.plug(connector: request.connector)]
        case .unplug: actions = [.unplug(connector: request.connector)]
        case .presentCard: actions = [.presentIdTag(request.idTag ?? "TAG-0001", connector: request.connector)]
        case .fault:
            let code = request.errorCode.flatMap(ChargePointErrorCode.init(rawValue:)) ?? .otherError
            actions = [.raiseFault(connector: request.connector, errorCode: code)]
        case .clearFault: actions = [.clearFault(connector: request.connector)]
        case .powerCycle: actions = [.powerLoss, .powerRestore]
        case .pressStop: actions = [.pressStop(connector: request.connector)]
        }
        do {
            for action in actions { try await emulator.perform(action) }
            return ActionResult(outcome: .passed, record: record)
        } catch {
            return ActionResult(outcome: .failed, record: record, message: "the emulator could not: \(error)")
        }
    }
}
