import Foundation
import Testing
@testable import OCPP

@Suite("RFC 3339 timestamps")
struct RFC3339Tests {
    @Test("valid timestamps", arguments: [
        "2026-11-25T22:42:25Z", "2026-11-25T22:42:25.123456Z", "2026-11-25t22:42:25z", "2024-02-29T00:00:00+01:00",
        "2026-12-31T23:59:60-05:30",
    ])
    func valid(text: String) {
        #expect(RFC3339.check(text) == .valid)
    }

    @Test("deviations lenient mode accepts", arguments: [
        "2023-10-19T15:28:07", "2023-10-19T15:28:07+03", "2023-10-19T15:28:07+0300", "2023-10-19 15:28:07Z",
    ])
    func deviations(text: String) {
        guard case .deviation = RFC3339.check(text) else {
            Issue.record("\(text) should be a deviation")
            return
        }
    }

    @Test("invalid timestamps", arguments: [
        "", "yesterday", "2023-02-29T00:00:00Z", "2023-13-01T00:00:00Z", "2023-04-31T00:00:00Z", "2023-01-01T24:00:00Z",
        "2023-01-01T00:00:00.Z", "2023-01-01T00:00:00+25:00", "2023-01-01T00:00:00Zjunk", "2023-01-01", "2023-1-01T00:00:00Z",
    ])
    func invalid(text: String) {
        guard case .invalid = RFC3339.check(text) else {
            Issue.record("\(text) should be invalid")
            return
        }
    }

    @Test("formats dates in UTC with milliseconds, and the result is valid")
    func formats() {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1_764_110_545.5)) == "2025-11-25T22:42:25.500Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(RFC3339.check(RFC3339.string(from: Date())) == .valid)
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59.999Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00.000Z")
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }
}
