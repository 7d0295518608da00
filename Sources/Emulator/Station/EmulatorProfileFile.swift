import Foundation
import OCPP

/// A station profile file for the emulator (`chargecheck emulate --profile FILE`): a JSON object whose keys set
/// `StationProfile` fields, plus `faults`, e.g.
///
/// ```json
/// {"vendor": "ACME", "model": "Wallbox 22", "connectors": 1, "maxPowerW": 11040,
///  "configuration": {"MeterValueSampleInterval": "30"}, "faults": ["meter-backwards"]}
/// ```
public struct EmulatorProfileFile: Sendable, Equatable {
    public var profile: StationProfile
    public var faults: Set<FaultProfile>

    public init(profile: StationProfile = StationProfile(), faults: Set<FaultProfile> = []) {
        self.profile = profile
        self.faults = faults
    }

    /// The keys a profile file may have.
    public static let keys = ["vendor", "model", "serialNumber", "firmwareVersion", "connectors", "maxPowerW", "evPowerW",
                              "initialRegisterWh", "configuration", "bootOnReconnect", "plugsOnRemoteStart", "rebootSeconds",
                              "lateAnswerSeconds",
                              "faults"]

    /// Reads the profile file at `path`, starting from `base` for the settings it leaves out.
    public static func load(path: String, base: StationProfile = StationProfile()) throws(EmulatorProfileError)
        -> EmulatorProfileFile
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmulatorProfileError(file: path, path: "", message: "cannot read the file; check the path")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path, base: base)
    }

    /// Parses a profile from `text`, starting from `base` for the settings it leaves out; errors name `file`, the
    /// JSON path and what to change.
    public static func parse(_ text: String, file: String, base: StationProfile = StationProfile()) throws(EmulatorProfileError)
        -> EmulatorProfileFile
    {
        let value: JSONValue
        do {
            value = try JSONParser().parse(text)
        } catch {
            throw EmulatorProfileError(file: file, path: "", message: "not valid JSON (\(error.description))")
        }
        guard let object = value.objectValue else {
            throw EmulatorProfileError(file: file, path: "$", message: "must be a JSON object of profile settings")
        }
        func fail(_ key: String, _ message: String) -> EmulatorProfileError {
            EmulatorProfileError(file: file, path: "$.\(key)", message: message)
        }
        var profile = base
        var faults: Set<FaultProfile> = []
        for member in object {
            let key = member.key, field = member.value
            func text(maxLength: Int) throws(EmulatorProfileError) -> String {
                guard let string = field.stringValue, !string.isEmpty, string.count <= maxLength else {
                    throw fail(key, "must be a string of 1 to \(maxLength) characters")
                }
                return string
            }
            func number(_ range: ClosedRange<Double>) throws(EmulatorProfileError) -> Double {
                guard let number = field.doubleValue, range.contains(number) else {
                    throw fail(key, "must be a number from \(range.lowerBound) to \(range.upperBound)")
                }
                return number
            }
            switch key {
            case "vendor": profile.vendor = try text(maxLength: 20)
            case "model": profile.model = try text(maxLength: 20)
            case "serialNumber": profile.serialNumber = try text(maxLength: 25)
            case "firmwareVersion": profile.firmwareVersion = try text(maxLength: 50)
            case "connectors": profile.connectorCount = Int(try number(1...64))
            case "maxPowerW": profile.maxPowerW = try number(1...1_000_000)
            case "evPowerW": profile.evPowerW = try number(0...1_000_000)
            case "initialRegisterWh": profile.initialRegisterWh = try number(0...1e12)
            case "rebootSeconds": profile.rebootSeconds = Int(try number(0...3_600))
            case "lateAnswerSeconds": profile.lateAnswerSeconds = Int(try number(1...86_400))
            case "bootOnReconnect", "plugsOnRemoteStart":
                guard case .bool(let flag) = field else { throw fail(key, "must be true or false") }
                if key == "bootOnReconnect" { profile.bootOnReconnect = flag } else { profile.plugsOnRemoteStart = flag }
            case "configuration":
                guard let settings = field.objectValue else { throw fail(key, "must be an object of key names to string values") }
                for setting in settings {
                    guard ConfigurationKey(rawValue: setting.key) != nil else {
                        throw fail("\(key).\(setting.key)", "is not a configuration key the emulator knows")
                    }
                    guard let value = setting.value.stringValue else { throw fail("\(key).\(setting.key)", "must be a string") }
                    profile.configuration[setting.key] = value
                }
            case "faults":
                guard let names = field.arrayValue else { throw fail(key, "must be a list of fault profile names") }
                for (index, name) in names.enumerated() {
                    guard let fault = name.stringValue.flatMap(FaultProfile.init(name:)) else {
                        throw fail("\(key)[\(index)]", "is not a fault profile; choose from \(FaultProfile.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    faults.insert(fault)
                }
            default:
                throw fail(key, "is not a profile setting; the settings are \(keys.joined(separator: ", "))")
            }
        }
        return EmulatorProfileFile(profile: profile, faults: faults)
    }
}

/// A profile file that cannot be used: the file, the JSON path of the culprit, and what to do.
public struct EmulatorProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let path: String
    public let message: String

    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path) \(message)"
    }
}
