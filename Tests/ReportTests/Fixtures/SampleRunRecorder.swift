import Foundation
import OCPP
@testable import Report
import Runner
import Scenario
import YAML

/// Plays the EV24 scenarios of a sample run against a scripted station, writing the trace and the results.
struct SampleRunRecorder {
    static let bootPayload: JSONValue = [
        "chargePointVendor": "Voltwerk", "chargePointModel": "VW-22-DUO", "chargePointSerialNumber": "VW22D-004711",
        "firmwareVersion": "3.8.1",
    ]

    private(set) var trace: SampleTrace
    private(set) var scenarios: [ScenarioResult] = []
    private(set) var connections: [ConnectionRecord] = []
    private(set) var findings: [OCPPFinding] = []
    private let failing: Bool
    private let transactionId = 1001

    init(start: Date, failing: Bool) {
        trace = SampleTrace(station: SampleRun.station, start: start)
        self.failing = failing
    }

    mutating func recordAll() {
        recordConnection()
        recordConfiguration()
        recordReset()
        recordConnectorStatus()
        recordRemoteStart()
        recordMeterValues()
        recordRemoteStop()
        recordStopByUnplugging()
        for mode in [SecurityMode.wssBasic, .wssMTLS] { recordNotOffered(mode) }
    }

    // MARK: - Scenarios

    private mutating func recordConnection() {
        connect("c-1", opened: trace.now)
        scenario("ev24.connection", "Establishing connection", tags: ["ev24", "connection"]) { run in
            run.step("expect", "BootNotification", summary: "BootNotification accepted, interval 60 s") { trace in
                [trace.stationCall("BootNotification", Self.bootPayload, answer: Self.bootAccepted(trace.now))]
            }
            run.step("expect", "StatusNotification", summary: "connectors 0, 1, 2 Available") { trace in
                (0...2).map { connector in
                    trace.stationCall("StatusNotification", Self.status(connector, "Available", trace.now), answer: [:])
                }
            }
            run.step("hold", summary: "connection held 180 s, 3 heartbeats on time") { trace in
                (1...3).map { _ in
                    trace.wait(60)
                    return trace.stationCall("Heartbeat", [:], answer: ["currentTime": .string(NumberText.timestamp(trace.now))])
                }
            }
        }
    }

    private mutating func recordConfiguration() {
        scenario("ev24.configuration", "OCPP variable exchange", tags: ["ev24", "configuration"]) { run in
            run.step("send", "GetConfiguration", summary: "sent GetConfiguration, got 3 keys") { trace in
                [trace.centralCall("GetConfiguration", [:], answer: ["configurationKey": [
                    ["key": "HeartbeatInterval", "readonly": false, "value": "60"],
                    ["key": "MeterValueSampleInterval", "readonly": false, "value": "60"],
                    ["key": "NumberOfConnectors", "readonly": true, "value": "2"],
                ]])]
            }
            run.step("send", "ChangeConfiguration", summary: "sent ChangeConfiguration, got Accepted") { trace in
                [trace.centralCall("ChangeConfiguration", ["key": "MeterValueSampleInterval", "value": "10"],
                                   answer: ["status": "Accepted"])]
            }
            run.step("send", "ChangeConfiguration", summary: "unsupported key refused with CALLERROR NotSupported") { trace in
                let sequence = trace.nextSequence
                let id = trace.call("ChangeConfiguration", ["key": "Ev24VendorMode", "value": "on"], from: .centralSystem)
                trace.wait(0.02)
                trace.error(id, "ChangeConfiguration", code: "NotSupported",
                            description: "Unknown configuration key", from: .chargePoint)
                return [sequence, sequence + 1]
            }
        }
    }

    private mutating func recordReset() {
        scenario("ev24.reset", "Remote restart of station", tags: ["ev24", "reset"]) { run in
            run.step("send", "Reset", summary: "sent Reset Soft, got Accepted") { trace in
                [trace.centralCall("Reset", ["type": "Soft"], answer: ["status": "Accepted"])]
            }
            run.step("expect-disconnect", summary: "station closed the connection after 2.1 s") { trace in
                trace.wait(2.1)
                trace.close("closed by the station (code 1001, going away)")
                return [trace.nextSequence - 1]
            }
            run.step("expect-reconnect", summary: "station reconnected after 14.2 s and booted") { trace in
                trace.wait(14.2)
                trace.open("c-2", security: "ws")
                return [trace.nextSequence - 1,
                        trace.stationCall("BootNotification", Self.bootPayload, answer: Self.bootAccepted(trace.now))]
            }
        }
        let reconnected = trace.records.last { $0.kind == .opened }?.time ?? trace.now
        if let first = connections.indices.first {
            connections[first].closed = trace.records.last { $0.kind == .closed }?.time
            connections[first].closure = "closed (code 1001, going away)"
        }
        connect("c-2", opened: reconnected)
    }

    private mutating func recordConnectorStatus() {
        scenario("ev24.connector-status", "Connector status notifications", tags: ["ev24", "status"]) { run in
            run.step("expect", "StatusNotification", summary: "connectors 1, 2 Available after reboot") { trace in
                (1...2).map { trace.stationCall("StatusNotification", Self.status($0, "Available", trace.now), answer: [:]) }
            }
            run.step("action", summary: "emulator raised GroundFailure on connector 2") { trace in
                trace.wait(5)
                return [trace.stationCall("StatusNotification",
                                          Self.status(2, "Faulted", trace.now, errorCode: "GroundFailure"), answer: [:])]
            }
            run.step("action", summary: "emulator cleared the fault on connector 2") { trace in
                trace.wait(20)
                return [trace.stationCall("StatusNotification", Self.status(2, "Available", trace.now), answer: [:])]
            }
        }
    }

    private mutating func recordRemoteStart() {
        let transactionId = transactionId
        scenario("ev24.remote-start", "Remote start transaction", tags: ["ev24", "transaction", "TC_010_CS"]) { run in
            run.step("action", summary: "emulator plugged connector 1") { trace in
                trace.wait(3)
                return [trace.stationCall("StatusNotification", Self.status(1, "Preparing", trace.now), answer: [:])]
            }
            run.step("send", "RemoteStartTransaction", summary: "sent RemoteStartTransaction, got Accepted") { trace in
                [trace.centralCall("RemoteStartTransaction", ["connectorId": 1, "idTag": "TAG-0001"],
                                   answer: ["status": "Accepted"])]
            }
            run.step("expect", "Authorize", summary: "TAG-0001 Accepted") { trace in
                [trace.stationCall("Authorize", ["idTag": "TAG-0001"], answer: ["idTagInfo": ["status": "Accepted"]])]
            }
            run.step("expect", "StartTransaction", summary: "transaction 1001 started, meterStart 12840 Wh") { trace in
                trace.wait(0.8)
                return [trace.stationCall(
                    "StartTransaction",
                    ["connectorId": 1, "idTag": "TAG-0001", "meterStart": 12840, "timestamp": .string(NumberText.timestamp(trace.now))],
                    answer: ["transactionId": .integer(transactionId), "idTagInfo": ["status": "Accepted"]])]
            }
            run.step("expect", "StatusNotification", summary: "connector 1 Charging") { trace in
                [trace.stationCall("StatusNotification", Self.status(1, "Charging", trace.now), answer: [:])]
            }
        }
    }

    private mutating func recordMeterValues() {
        let failing = failing
        let transactionId = transactionId
        scenario("ev24.meter-values", "Meter values during a transaction", tags: ["ev24", "transaction"]) { run in
            let powers = [7200.0, 10950, 11040, 10980, 7400, 3650]
            var energy = 12840.0
            for (index, power) in powers.enumerated() {
                let broken = failing && index == 3
                let payload = Self.meterValues(connector: 1, transactionId: broken ? nil : transactionId,
                                               energy: energy + power / 60, power: power, at: run.trace.now + 60)
                energy += power / 60
                let summary = "MeterValues: \(Int(energy)) Wh, \(NumberText.quantity(power / 1000, unit: "kW"))"
                if failing && index > 3 {
                    run.notRun("expect", "MeterValues")
                    run.trace.wait(60)
                    run.trace.stationCall("MeterValues", payload, answer: [:])
                } else if broken {
                    run.failingStep("expect", "MeterValues", summary: summary, failure: StepFailure(
                        message: "MeterValues did not match: 1 difference",
                        expected: "{ connectorId: 1, transactionId: 1001, meterValue: $each { timestamp: datetime } }",
                        received: payload.jsonText,
                        mismatches: [Mismatch(path: JSONPath(pointer: "/transactionId"), wanted: "1001", got: "absent")])) { trace in
                        trace.wait(60)
                        return [trace.stationCall("MeterValues", payload, answer: [:])]
                    }
                } else {
                    run.step("expect", "MeterValues", summary: summary) { trace in
                        trace.wait(60)
                        return [trace.stationCall("MeterValues", payload, answer: [:])]
                    }
                }
            }
        }
    }

    private mutating func recordRemoteStop() {
        let failing = failing
        let transactionId = transactionId
        scenario("ev24.remote-stop", "Remote stop transaction", tags: ["ev24", "transaction"]) { run in
            if failing {
                run.failingStep("send", "RemoteStopTransaction", summary: "sent RemoteStopTransaction, no answer",
                                failure: StepFailure(
                                    message: "expected a response to RemoteStopTransaction within 30s, none came",
                                    expected: "a CALLRESULT { status: Accepted }", received: "nothing")) { trace in
                    let sequence = trace.nextSequence
                    trace.call("RemoteStopTransaction", ["transactionId": .integer(transactionId)], from: .centralSystem)
                    trace.wait(30)
                    return [sequence]
                }
                run.notRun("expect", "StopTransaction")
                run.step("action", phase: .teardown, summary: "emulator unplugged connector 1") { trace in
                    Self.stop(&trace, transactionId: transactionId, energy: 13720, reason: "EVDisconnected")
                }
            } else {
                run.step("send", "RemoteStopTransaction", summary: "sent RemoteStopTransaction, got Accepted") { trace in
                    [trace.centralCall("RemoteStopTransaction", ["transactionId": .integer(transactionId)],
                                       answer: ["status": "Accepted"])]
                }
                run.step("expect", "StopTransaction", summary: "transaction 1001 stopped, meterStop 13720 Wh") { trace in
                    Self.stop(&trace, transactionId: transactionId, energy: 13720, reason: "Remote")
                }
            }
        }
        if failing {
            findings.append(OCPPFinding(.unansweredCall, .error, "RemoteStopTransaction got no answer within 30 s",
                                        sender: .chargePoint, messageId: "cs-31", action: "RemoteStopTransaction"))
        }
    }

    private mutating func recordStopByUnplugging() {
        let transactionId = transactionId + 1
        scenario("ev24.stop-unplug", "Stop by unplugging", tags: ["ev24", "transaction"]) { run in
            run.step("action", summary: "emulator plugged connector 2 and presented TAG-0002") { trace in
                trace.wait(4)
                return [trace.stationCall("StatusNotification", Self.status(2, "Preparing", trace.now), answer: [:]),
                        trace.stationCall("Authorize", ["idTag": "TAG-0002"], answer: ["idTagInfo": ["status": "Accepted"]])]
            }
            run.step("expect", "StartTransaction", summary: "transaction 1002 started") { trace in
                [trace.stationCall("StartTransaction",
                                   ["connectorId": 2, "idTag": "TAG-0002", "meterStart": 40210,
                                    "timestamp": .string(NumberText.timestamp(trace.now))],
                                   answer: ["transactionId": .integer(transactionId), "idTagInfo": ["status": "Accepted"]]),
                 trace.stationCall("StatusNotification", Self.status(2, "Charging", trace.now), answer: [:])]
            }
            run.step("expect", "MeterValues", summary: "two samples while charging") { trace in
                var energy = 40210.0
                return [10900.0, 11020].map { power in
                    trace.wait(60)
                    energy += power / 60
                    return trace.stationCall("MeterValues", Self.meterValues(
                        connector: 2, transactionId: transactionId, energy: energy, power: power, at: trace.now),
                                             answer: [:])
                }
            }
            run.step("action", summary: "emulator unplugged connector 2") { trace in
                trace.wait(5)
                return [trace.stationCall("StatusNotification", Self.status(2, "Finishing", trace.now), answer: [:])]
            }
            run.step("expect", "StopTransaction", summary: "stopped with reason EVDisconnected") { trace in
                [trace.stationCall("StopTransaction",
                                   ["transactionId": .integer(transactionId), "meterStop": 40600, "reason": "EVDisconnected",
                                    "timestamp": .string(NumberText.timestamp(trace.now))],
                                   answer: ["idTagInfo": ["status": "Accepted"]]),
                 trace.stationCall("StatusNotification", Self.status(2, "Available", trace.now), answer: [:])]
            }
        }
    }

    private mutating func recordNotOffered(_ mode: SecurityMode) {
        let name = mode == .wssBasic ? "wss + Basic Auth" : "wss + mutual TLS"
        let file = "scenarios/ev24/connection-\(mode.rawValue).yaml"
        scenarios.append(ScenarioResult(
            id: "ev24.connection-\(mode.rawValue)", name: "Establishing connection (\(name))", file: file,
            location: Location(file: file, line: 2, column: 1), tags: ["ev24", "connection"], suiteId: "ev24",
            verdict: .notApplicable, reason: "the station never connected with \(name)", started: trace.now,
            ended: trace.now))
    }

    // MARK: - Building blocks

    private mutating func scenario(_ id: String, _ name: String, tags: [String],
                                   body: (inout SampleScenarioRecorder) -> Void) {
        let file = "scenarios/ev24/\(id.dropFirst(5)).yaml"
        let started = trace.now
        let first = trace.nextSequence
        var run = SampleScenarioRecorder(trace: trace, file: file)
        body(&run)
        trace = run.trace
        let failed = run.steps.first { $0.outcome == .failed }
        let reason = failed.flatMap { step in
            run.steps.firstIndex(of: step).map { "step \($0 + 1) (\(step.verb) \(step.action ?? "")) failed: \(step.failure?.message ?? "")" }
        }
        scenarios.append(ScenarioResult(
            id: id, name: name, file: file, location: Location(file: file, line: 2, column: 1), tags: tags,
            suiteId: "ev24", judgedBySuiteVerdict: true, verdict: failed == nil ? .pass : .fail, reason: reason, connectionMode: .ws,
            started: started, ended: trace.now, steps: run.steps, traceRange: trace.range(from: first)))
        trace.wait(0.5)
    }

    private mutating func connect(_ connectionId: String, opened: Date) {
        if connectionId == "c-1" { trace.open(connectionId, security: "ws") }
        connections.append(ConnectionRecord(
            connectionId: connectionId, mode: .ws, security: "ws", listener: "ws://127.0.0.1:9000/ocpp",
            peer: "127.0.0.1:\(50412 + connections.count)", path: "/ocpp/\(SampleRun.station)", subprotocol: "ocpp1.6",
            opened: opened))
    }

    private static func stop(_ trace: inout SampleTrace, transactionId: Int, energy: Int, reason: String) -> [Int] {
        trace.wait(2)
        return [trace.stationCall("StopTransaction",
                                  ["transactionId": .integer(transactionId), "meterStop": .integer(energy),
                                   "reason": .string(reason), "timestamp": .string(NumberText.timestamp(trace.now))],
                                  answer: ["idTagInfo": ["status": "Accepted"]]),
                trace.stationCall("StatusNotification", status(1, "Finishing", trace.now), answer: [:])]
    }

    private static func bootAccepted(_ now: Date) -> JSONValue {
        ["status": "Accepted", "currentTime": .string(NumberText.timestamp(now)), "interval": 60]
    }

    private static func status(_ connector: Int, _ status: String, _ now: Date, errorCode: String = "NoError") -> JSONValue {
        ["connectorId": .integer(connector), "errorCode": .string(errorCode), "status": .string(status),
         "timestamp": .string(NumberText.timestamp(now))]
    }

    private static func meterValues(connector: Int, transactionId: Int?, energy: Double, power: Double, at time: Date)
        -> JSONValue {
        var payload: JSONObject = ["connectorId": .integer(connector)]
        if let transactionId { payload["transactionId"] = .integer(transactionId) }
        payload["meterValue"] = [[
            "timestamp": .string(NumberText.timestamp(time)),
            "sampledValue": [
                ["value": .string(String(Int(energy))), "measurand": "Energy.Active.Import.Register", "unit": "Wh"],
                ["value": .string(String(Int(power))), "measurand": "Power.Active.Import", "unit": "W"],
            ],
        ]]
        return .object(payload)
    }
}
