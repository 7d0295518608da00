import Emulator
import Testing

@Suite("Station profile")
struct StationProfileTests {
    @Test("the supported feature profiles are the emulator's own unless the profile's configuration says otherwise")
    func supportedFeatureProfiles() {
        var profile = StationProfile()
        #expect(profile.supportedFeatureProfiles == ["Core", "FirmwareManagement", "LocalAuthListManagement", "Reservation",
                                                     "SmartCharging", "RemoteTrigger"])
        profile.configuration["SupportedFeatureProfiles"] = "Core, SmartCharging,"
        #expect(profile.supportedFeatureProfiles == ["Core", "SmartCharging"])
    }
}
