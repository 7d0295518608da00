import Foundation
import Testing
@testable import Emulator

@Suite("Emulator profile files")
struct ProfileFileTests {
    @Test("A profile file sets identity fields, hardware, configuration and faults")
    func fullProfile() throws {
        let file = try EmulatorProfileFile.parse("""
            {"vendor": "ACME", "model": "Wallbox 22", "serialNumber": "SN-1", "firmwareVersion": "2.0", "connectors": 1,
             "maxPowerW": 11040, "evPowerW": 7000, "initialRegisterWh": 5, "bootOnReconnect": true, "plugsOnRemoteStart": true, "rebootSeconds": 3,
             "lateAnswerSeconds": 90, "configuration": {"MeterValueSampleInterval": "15"}, "faults": ["meter-backwards"]}
            """, file: "station.json")
        #expect(file.profile.vendor == "ACME")
        #expect(file.profile.connectorCount == 1)
        #expect(file.profile.evPowerW == 7_000)
        #expect(file.profile.bootOnReconnect)
        #expect(file.profile.plugsOnRemoteStart)
        #expect(file.profile.configuration == ["MeterValueSampleInterval": "15"])
        #expect(file.faults == [.meterBackwards])
        let model = StationModel(identity: "CP-1", profile: file.profile, faults: file.faults)
        #expect(model.configuration.integer(.meterValueSampleInterval) == 15)
        #expect(model.connectors.count == 2)
    }

    @Test("Bad profile files are refused with the file, the JSON path and what to do", arguments: [
        ("{\"vendor\": \"A vendor name that is far too long\"}", "$.vendor must be a string of 1 to 20 characters"),
        ("{\"connectors\": 0}", "$.connectors must be a number from 1.0 to 64.0"),
        ("{\"configuration\": {\"Bogus\": \"1\"}}", "$.configuration.Bogus is not a configuration key"),
        ("{\"configuration\": {\"HeartbeatInterval\": 30}}", "$.configuration.HeartbeatInterval must be a string"),
        ("{\"faults\": [\"explode\"]}", "$.faults[0] is not a fault profile; choose from reject-remote-start"),
        ("{\"colour\": \"red\"}", "$.colour is not a profile setting"),
        ("[1, 2]", "$ must be a JSON object"),
        ("{\"vendor\": ", "not valid JSON"),
    ])
    func badProfiles(text: String, message: String) {
        #expect {
            try EmulatorProfileFile.parse(text, file: "station.json")
        } throws: { error in
            let description = (error as? EmulatorProfileError)?.description ?? ""
            return description.hasPrefix("station.json: ") && description.contains(message)
        }
    }

    @Test("A missing profile file says so")
    func missingFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).json").path
        #expect(throws: EmulatorProfileError(file: path, path: "", message: "cannot read the file; check the path")) {
            try EmulatorProfileFile.load(path: path)
        }
    }
}
