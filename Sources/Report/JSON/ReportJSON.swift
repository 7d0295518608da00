import Foundation
import OCPP
import Runner
import Scenario
import YAML

/// The JSON shape of each result type (documented in `docs/report-schema.json`). Every member is always present
/// (`null` when there is nothing), except where the schema says otherwise, so readers need no existence checks.
enum ReportJSON {
    static func run(_ result: RunResult) -> JSONValue {
        var counts = JSONObject()
        for verdict in Verdict.allCases { counts[verdict.rawValue] = .integer(result.verdictCounts[verdict] ?? 0) }
        return [
            "version": .integer(JSONReport.formatVersion),
            "tool": "chargecheck",
            "started": time(result.started),
            "ended": time(result.ended),
            "durationSeconds": seconds(result.ended.timeIntervalSince(result.started)),
            "passed": .bool(result.passed),
            "interrupted": .bool(result.interrupted),
            "exitCode": .integer(Int(result.exitCode)),
            "verdictCounts": .object(counts),
            "options": options(result.options),
            "errors": strings(result.errors),
            "handshakeRejections": strings(result.handshakeRejections),
            "notes": strings(result.notes),
            "stations": .array(result.stations.map(station)),
        ]
    }

    static func options(_ options: RunOptions) -> JSONValue {
        let source: JSONValue = switch options.stationSource {
        case .emulator: ["kind": "emulator", "listeners": []]
        case .live(let listeners): ["kind": "live", "listeners": strings(listeners)]
        }
        return [
            "paths": strings(options.paths),
            "stations": source,
            "waitSeconds": options.wait.map { .decimal(Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) } ?? .null,
            "only": strings(options.only),
            "skip": strings(options.skip),
            "tags": strings(options.tags),
            "overrides": .object(JSONObject(options.overrides.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: $0.value) })),
            "stationIdentity": orNull(options.stationIdentity),
            "stationCount": .integer(options.stationCount),
            "nonInteractive": .bool(options.nonInteractive),
            "actionHook": orNull(options.actionHook),
            "timeScale": options.timeScale.isFinite ? .decimal(options.timeScale) : .string("max"),
            "profilePath": orNull(options.profilePath),
            "validationMode": .string(options.validationMode.rawValue),
            "tracePath": orNull(options.tracePath),
        ]
    }

    static func station(_ station: StationResult) -> JSONValue {
        [
            "identity": .string(station.identity),
            "passed": .bool(station.passed),
            "bootNotification": station.bootNotification ?? .null,
            "connections": .array(station.connections.map(connection)),
            "unlistedConnections": .integer(station.unlistedConnections),
            "scenarios": .array(station.scenarios.map(scenario)),
            "findings": .array(station.findings.map(finding)),
            "suites": .array(station.suites.map(suite)),
            "trace": .array(station.trace.map(\.jsonValue)),
        ]
    }

    static func connection(_ connection: ConnectionRecord) -> JSONValue {
        [
            "connectionId": .string(connection.connectionId),
            "mode": orNull(connection.mode?.rawValue),
            "security": .string(connection.security),
            "listener": .string(connection.listener),
            "peer": .string(connection.peer),
            "path": .string(connection.path),
            "subprotocol": orNull(connection.subprotocol),
            "tls": orNull(connection.tls),
            "clientCertificate": orNull(connection.clientCertificate),
            "basicAuthUser": orNull(connection.basicAuthUser),
            "notes": strings(connection.notes),
            "opened": time(connection.opened),
            "closed": connection.closed.map(time) ?? .null,
            "closure": orNull(connection.closure),
        ]
    }

    // MARK: - Shared shapes

    static func location(_ location: Location) -> JSONValue {
        ["file": .string(location.file), "line": .integer(location.line), "column": .integer(location.column)]
    }

    static func time(_ date: Date) -> JSONValue {
        .string(NumberText.timestamp(date))
    }

    static func seconds(_ interval: TimeInterval) -> JSONValue {
        .decimal((max(0, interval) * 1000).rounded() / 1000)
    }

    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { .string($0) })
    }

    static func orNull(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }
}
