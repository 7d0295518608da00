import ChargecheckCLI
import Foundation
import Testing

@Suite("pki and check-trace")
struct PKIAndCheckTraceTests {
    private func run(_ arguments: [String]) async -> (code: Int32, output: String, error: String) {
        let captured = CapturedConsole()
        let code = await Chargecheck.main(arguments, console: captured.console)
        return (code, captured.output, captured.error)
    }

    @Test("pki init writes a CA, a server certificate and one certificate per station")
    func pkiInitWritesTheFiles() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = await run(["pki", "init", folder.path + "/pki", "--station", "CP-1", "--station", "CP-2", "--host", "lab.test"])
        #expect(result.code == 0)
        for file in ["ca.pem", "ca.key", "server.pem", "server.key", "stations/CP-1.pem", "stations/CP-1.key", "stations/CP-2.pem"] {
            #expect(FileManager.default.fileExists(atPath: folder.path + "/pki/" + file), "missing \(file)")
        }
        #expect(result.output.contains("station CP-2:"))
    }

    @Test("pki without init, or a station identity that cannot name a file, is refused", arguments: [
        (["pki", "make", "x"], Int32(2)),
        (["pki", "init", "PLACEHOLDER", "--station", "../evil"], Int32(1)),
    ])
    func pkiRefusesBadInput(arguments: [String], code: Int32) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = await run(arguments.map { $0 == "PLACEHOLDER" ? folder.path + "/pki" : $0 })
        #expect(result.code == code)
        #expect(result.error.contains("error:"))
    }

    @Test("check-trace passes a clean trace and reports an unanswered call in a broken one")
    func checkTrace() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let call = #"{"v":1,"seq":1,"mono":1,"time":"2026-11-25T22:42:25.103Z","conn":"c-1","station":"CP-1","dir":"in","from":"chargePoint","type":"CALL","id":"1","action":"Heartbeat","payload":{},"raw":"[2,\"1\",\"Heartbeat\",{}]"}"#
        let answer = #"{"v":1,"seq":2,"mono":2,"time":"2026-11-25T22:42:25.104Z","conn":"c-1","station":"CP-1","dir":"out","from":"centralSystem","type":"CALLRESULT","id":"1","action":"Heartbeat","payload":{"currentTime":"2026-11-25T22:42:25.104Z"},"raw":"[3,\"1\",{\"currentTime\":\"2026-11-25T22:42:25.104Z\"}]"}"#
        try folder.write("clean.jsonl", call + "\n" + answer + "\n")
        try folder.write("broken.jsonl", call + "\n")

        let clean = await run(["check-trace", folder.path + "/clean.jsonl"])
        #expect(clean.code == 0)
        #expect(clean.output.contains("0 errors"))

        let broken = await run(["check-trace", folder.path + "/broken.jsonl"])
        #expect(broken.code == 1)
        #expect(broken.output.contains("Heartbeat"))

        let missing = await run(["check-trace", folder.path + "/absent.jsonl"])
        #expect(missing.code == 2)
        #expect(missing.error.contains("absent.jsonl"))
    }
}
