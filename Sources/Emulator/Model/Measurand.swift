import Foundation

/// A quantity the simulated meter can report, with the unit it is reported in.
enum Measurand: String, CaseIterable, Sendable {
    case energyActiveImportRegister = "Energy.Active.Import.Register"
    case powerActiveImport = "Power.Active.Import"
    case powerOffered = "Power.Offered"
    case currentImport = "Current.Import"
    case currentOffered = "Current.Offered"
    case voltage = "Voltage"
    case soc = "SoC"
    case temperature = "Temperature"

    /// The OCPP `unit` the value is written in.
    var unit: String {
        switch self {
        case .energyActiveImportRegister: "Wh"
        case .powerActiveImport, .powerOffered: "W"
        case .currentImport, .currentOffered: "A"
        case .voltage: "V"
        case .soc: "Percent"
        case .temperature: "Celsius"
        }
    }

    /// The measurands of a configuration list such as `MeterValuesSampledData`; unknown names are skipped
    /// (the configuration store refuses them, so none are expected).
    static func list(_ text: String) -> [Measurand] {
        text.split(separator: ",").compactMap { Measurand(rawValue: String($0).trimmingCharacters(in: .whitespaces)) }
    }
}
