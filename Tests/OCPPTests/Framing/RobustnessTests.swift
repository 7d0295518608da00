import Testing
@testable import OCPP

/// A small deterministic random source, so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Robustness against hostile input")
struct RobustnessTests {
    static let seeds: [String] = [
        #"[2,"1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","measurand":"Voltage"}]}]}]"#,
        #"[3,"1",{"status":"Accepted","currentTime":"2026-01-01T00:00:00Z","interval":300}]"#,
        #"[4,"1","FormationViolation","bad",{"x":[1,2.5e3,null,true]}]"#,
        #"[2,"x","SetChargingProfile",{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.1}]}}}]"#,
    ]

    @Test("20,000 mutated frames are parsed and validated without a crash; every failure is located")
    func mutations() {
        var random = SplitMix64(state: 42)
        let alphabet = Array(#"[]{}",:0123456789.-eE\truefalsnl u"#.utf8) + [0x00, 0xFF, 0xC3, 0x80]
        let validator = PayloadValidator(mode: .lenient)
        var parsedCount = 0
        for round in 0..<20_000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = alphabet.randomElement(using: &random) ?? 0
                case 1: bytes.insert(alphabet.randomElement(using: &random) ?? 0, at: position)
                default: if bytes.count > 1 { bytes.remove(at: position) }
                }
            }
            do {
                let json = try JSONParser().parse(bytes: bytes)
                let parsed = try OCPPFrame.decode(json)
                parsedCount += 1
                if case .call(_, let action, let payload) = parsed.frame {
                    _ = validator.validate(payload, action: action, .request)
                }
            } catch let error as JSONParseError {
                #expect(error.offset >= 0 && error.offset <= bytes.count)
            } catch let error as FrameError {
                #expect(!error.message.isEmpty)
            } catch {
                Issue.record("unexpected error type \(error)")
            }
        }
        #expect(parsedCount > 0)
    }

    @Test("a session survives deep nesting, huge numbers and garbage, and keeps answering")
    func sessionSurvives() async throws {
        try await withSessionAndRawPeer { session, peer in
            let calls = Mailbox(session.incomingCalls)
            let hostile = [
                String(repeating: "[", count: 50_000),
                #"[2,"d","Heartbeat",{"a":"# + String(repeating: "[", count: 5_000) + "]",
                #"[2,"n","StartTransaction",{"connectorId":1e400,"idTag":"A","meterStart":99999999999999999999999,"timestamp":"2026-01-01T00:00:00Z"}]"#,
                "\u{0}\u{1}\u{2}",
                #"[2,"u","\#u{1F600}",{}]"#,
            ]
            for text in hostile { try await peer.send(text) }
            try await peer.send(#"[2,"ok","Heartbeat",{}]"#)
            let call = try #require(await calls.first { $0.id == "ok" })
            try await call.respondWithDefault(DefaultReplies())
            let answer = await peer.inbox.first { event in
                guard case .text(let text) = event else { return false }
                return text.hasPrefix(#"[3,"ok""#)
            }
            #expect(answer != nil)
            #expect(await session.findings.count >= 4)
        }
    }
}
