import Testing
@testable import OCPP

@Suite("Did-you-mean suggestions")
struct SuggestionsTests {
    @Test("the nearest name by edit distance wins over a shorter prefix; abbreviations come after", arguments: [
        ("wss-mtl", ["ws", "wss", "wss-mtls"], "wss-mtls"),
        ("SmartCharge", ["Core", "FirmwareManagement", "SmartCharging"], "SmartCharging"),
        ("trasnactionId", ["transactionId", "idTag"], "transactionId"),
        ("HeartBeat", ["BootNotification", "Heartbeat"], "Heartbeat"),
        ("RemoteStart", ["RemoteStopTransaction", "RemoteStartTransaction"], "RemoteStartTransaction"),
        ("int", ["string", "integer", "decimal"], "integer"),
    ])
    func best(typed: String, candidates: [String], meant: String) {
        #expect(Suggestions.closest(to: typed, among: candidates).first == meant)
        #expect(Suggestions.didYouMean(typed, among: candidates) == "did you mean '\(meant)'?")
    }

    @Test("several abbreviated names keep the candidates' order")
    func abbreviationOrder() {
        let measurands = ["Energy.Active.Import.Register", "Energy.Active.Import.Interval", "Power.Active.Import"]
        #expect(Suggestions.closest(to: "Energy.Active.Import", among: measurands)
                == ["Energy.Active.Import.Register", "Energy.Active.Import.Interval"])
    }

    @Test("nothing close, the name itself, an empty or a huge name: no suggestion", arguments: [
        ("Xyzzy", ["Heartbeat", "Reset"]),
        ("Reset", ["Reset"]),
        ("", ["Reset"]),
        (String(repeating: "Reset", count: 100_000), ["Reset", "ResetX"]),
    ])
    func none(typed: String, candidates: [String]) {
        #expect(Suggestions.closest(to: typed, among: candidates).isEmpty)
        #expect(Suggestions.didYouMean(typed, among: candidates) == nil)
    }

    @Test("limit bounds the list; a negative limit is an empty list, not a trap")
    func limits() {
        let candidates = ["abcd", "abce", "abcf", "abcg"]
        #expect(Suggestions.closest(to: "abch", among: candidates, limit: 2) == ["abcd", "abce"])
        #expect(Suggestions.closest(to: "abch", among: candidates, limit: -1).isEmpty)
    }
}
