import OCPP

/// The central system the stations load: the project's own in a `_central` child, or another one at `--target`
/// (whose memory and CPU the bench cannot see).
struct CentralUnderTest: Sendable {
    /// The URL the stations connect to (they add `/IDENTITY`).
    let url: String
    private let child: ChildProcess?

    /// Starts `_central` (with mutual TLS when `pki` is given), or uses `target` when there is one.
    static func start(in children: ChildGroup, target: String?, pki: BenchPKI?, heartbeatInterval: Int = 300)
        async throws(BenchError) -> CentralUnderTest {
        if let target { return CentralUnderTest(url: target, child: nil) }
        var arguments = ["--heartbeat-interval", String(heartbeatInterval)]
        if let pki { arguments += ["--pki", pki.directory] }
        let child = try children.start("_central", arguments)
        let ready = try await child.nextReport(within: .seconds(60))
        guard case .integer(let port)? = ready["port"] else { throw BenchError("_central reported no port") }
        return CentralUnderTest(url: "\(pki == nil ? "ws" : "wss")://127.0.0.1:\(port)/ocpp", child: child)
    }

    /// Whether it is the project's own (so ``sample()`` gives figures).
    var isOwn: Bool { child != nil }

    /// Counts, memory and CPU of the project's own central system; `nil` for a `--target`.
    func sample() async throws(BenchError) -> CentralSample? {
        guard let child else { return nil }
        child.send("sample")
        return CentralSample(try await child.nextReport(within: .seconds(60)))
    }
}

/// One `sample` of `_central`.
struct CentralSample: Sendable {
    var open: Int
    var calls: Int
    var rejected: Int
    var residentKiB: Double
    var cpuSeconds: Double

    init(_ report: JSONValue) {
        open = Int(report.number("open"))
        calls = Int(report.number("calls"))
        rejected = Int(report.number("rejected"))
        residentKiB = report.number("rssKiB")
        cpuSeconds = report.number("cpuSeconds")
    }
}

extension JSONValue {
    /// A number member of a report (integer or decimal), 0 when absent.
    func number(_ key: String) -> Double {
        self[key]?.doubleValue ?? 0
    }
}
