import Emulator
import Foundation
import OCPP
import Runner
import Scenario

/// The built-in emulator behind the runner's station seam, for running shipped suites in tests: one emulator per
/// identity, connected in the mode the runner asks for, with the given fault profiles, on the run's clock.
///
/// Test support until the runner's own `--station emulator` provider lands; it only translates between the two
/// modules' types.
actor EmulatorStationProvider: StationProvider {
    private let faults: Set<FaultProfile>
    private let clock: any RunClock
    private var emulators: [String: ChargePointEmulator] = [:]

    /// `faultNames` are fault profile names (`meter-backwards`); unknown names are a test bug and stop the test.
    init(faultNames: [String], clock: any RunClock) throws {
        faults = Set(try faultNames.map { name in
            guard let fault = FaultProfile(name: name) else { throw UnknownFault(name: name) }
            return fault
        })
        self.clock = clock
    }

    struct UnknownFault: Error { let name: String }

    nonisolated var performer: any ActionPerformer { EmulatorActs(provider: self) }

    func connect(identity: String, endpoint: StationEndpoint) async throws {
        if let previous = emulators.removeValue(forKey: identity) { await previous.stop() }
        let security: EmulatorSecurity = switch endpoint.mode {
        case .ws: .none
        case .wssBasic: .basic(password: endpoint.password ?? "", caFile: endpoint.caFile)
        case .wssMTLS: .mutualTLS(caFile: endpoint.caFile, certificate: endpoint.clientCertificate ?? "", key: endpoint.clientKey ?? "")
        }
        // The endpoint names the station's own URL; the emulator appends its identity to the central system's.
        let centralSystem = endpoint.url.lastIndex(of: "/").map { String(endpoint.url[..<$0]) } ?? endpoint.url
        let emulator = ChargePointEmulator(configuration: EmulatorConfiguration(
            identity: identity, centralSystemURL: centralSystem, security: security, faults: faults, clock: clock))
        emulators[identity] = emulator
        await emulator.start()
    }

    func emulator(_ identity: String) -> ChargePointEmulator? { emulators[identity] }

    func stop() async {
        for emulator in emulators.values { await emulator.stop() }
        emulators = [:]
    }

    /// The scenario language's acts as the emulator's physical actions (`power-cycle` is a power loss and its return).
    static func actions(for request: ActionRequest) -> [Emulator.PhysicalAction] {
        switch request.act {
        case .plug: [.plug(connector: request.connector)]
        case .unplug: [.unplug(connector: request.connector)]
        case .presentCard: [.presentIdTag(request.idTag ?? "", connector: request.connector)]
        case .fault:
            [.raiseFault(connector: request.connector, errorCode: ChargePointErrorCode(rawValue: request.errorCode ?? "") ?? .otherError)]
        case .clearFault: [.clearFault(connector: request.connector)]
        case .powerCycle: [.powerLoss, .powerRestore]
        case .pressStop: []
        }
    }
}

/// Physical acts carried out by the provider's emulators.
struct EmulatorActs: ActionPerformer {
    let provider: EmulatorStationProvider

    var isAvailable: Bool { true }
    var unavailableReason: String { "" }

    func perform(_ request: ActionRequest, stationReacted: @escaping @Sendable () async -> Void) async -> ActionResult {
        let record = ActionRecord(act: request.act.rawValue, connector: request.connector, idTag: request.idTag,
                                  errorCode: request.errorCode, prompt: request.prompt, performer: .emulator)
        guard let emulator = await provider.emulator(request.station) else {
            return ActionResult(outcome: .error, record: record, message: "no emulated station \(request.station)")
        }
        let actions = EmulatorStationProvider.actions(for: request)
        guard !actions.isEmpty else {
            return ActionResult(outcome: .skipped, record: record, message: "the emulator has no \(request.act.rawValue) act")
        }
        do {
            for action in actions { try await emulator.perform(action) }
        } catch {
            return ActionResult(outcome: .failed, record: record, message: error.description)
        }
        return ActionResult(outcome: .passed, record: record)
    }
}
