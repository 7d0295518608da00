// swift-tools-version: 6.1
//
// Chargecheck: an OCPP 1.6J charging-station test tool.
// Layers (arrows point at what a module may import):
//
//   CYAML ─► YAML ─► Scenario ─┐
//                              ├─► Runner ─► Report ─► ChargecheckCLI ─► chargecheck
//   COpenSSL ─► WebSocket ─► OCPP ─┤                    ChargecheckTesting
//                              └─► Emulator
//   Locking (Locked<Value>, the project's lock) sits below WebSocket and everything above it.
import PackageDescription

let package = Package(
    name: "chargecheck",
    products: [
        .executable(name: "chargecheck", targets: ["chargecheck"]),
        .executable(name: "chargecheck-bench", targets: ["chargecheck-bench"]),
        .library(name: "ChargecheckTesting", targets: ["ChargecheckTesting"]),
        // The parsers, for the fuzz targets in Fuzz/ (a package of its own).
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "OCPP", targets: ["OCPP"]),
        .library(name: "WebSocket", targets: ["WebSocket"]),
    ],
    targets: [
        // System libraries and C shims.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CEpoll"),
        .target(name: "CTLSShim", dependencies: ["COpenSSL"]),
        // The lock every module uses (ThreadSanitizer sees it; docs/sanitizers.md).
        .target(name: "Locking"),

        // The scenario language.
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "Scenario", dependencies: ["YAML", "OCPP"]),

        // The wire: WebSocket transport, then OCPP-J.
        .target(name: "WebSocket", dependencies: ["Locking", "COpenSSL", "CTLSShim", "CEpoll"]),
        .target(name: "OCPP", dependencies: ["Locking", "WebSocket"]),

        // Interpreter, emulator, reports.
        .target(name: "Runner", dependencies: ["Locking", "Scenario", "OCPP", "WebSocket", "Emulator"]),
        .target(name: "Emulator", dependencies: ["Locking", "OCPP", "WebSocket"]),
        .target(name: "Report", dependencies: ["Locking", "Runner", "Scenario", "OCPP"]),

        // Front ends.
        .target(name: "ChargecheckCLI", dependencies: ["Locking", "Report", "Runner", "Emulator", "Scenario", "OCPP", "WebSocket", "YAML"]),
        .executableTarget(name: "chargecheck", dependencies: ["ChargecheckCLI"]),
        .target(name: "ChargecheckTesting", dependencies: ["Runner", "Scenario", "Emulator", "Report"]),

        // The benchmark (run by `make bench`): every workload, central system and stations in separate processes.
        .executableTarget(name: "chargecheck-bench", dependencies: ["Locking", "ChargecheckCLI", "Emulator", "Scenario", "OCPP", "WebSocket"],
                          path: "Benchmarks/ChargecheckBench"),
        // The soak under faults (run by `make soak`).
        .executableTarget(name: "Soak", dependencies: ["Locking", "ChargecheckCLI", "Emulator", "WebSocket"], path: "Benchmarks/Soak"),
        // WebSocket conformance (Autobahn).
        .executableTarget(name: "WebSocketEcho", dependencies: ["WebSocket"]),

        // Tests. BadInputTable: the rows of docs/bad-input.md, shared by the test targets that prove them.
        .target(name: "BadInputTable", path: "Tests/BadInputTable"),
        // TestSupport: temporary folders and bounded waits, shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LockingTests", dependencies: ["Locking"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "YAML", "OCPP", "Runner", "Emulator", "ChargecheckTesting", "BadInputTable"], exclude: ["Corpus"]),
        .testTarget(name: "WebSocketTests", dependencies: ["WebSocket", "COpenSSL", "BadInputTable", "TestSupport"]),
        .testTarget(name: "OCPPTests", dependencies: ["OCPP", "WebSocket", "BadInputTable"]),
        .testTarget(name: "RunnerTests", dependencies: ["Locking", "Runner", "Scenario", "OCPP", "WebSocket", "Emulator", "BadInputTable", "TestSupport"]),
        .testTarget(name: "EmulatorTests", dependencies: ["Emulator", "OCPP", "WebSocket", "Runner"]),
        .testTarget(name: "ReportTests", dependencies: ["Locking", "Report", "Runner"]),
        .testTarget(name: "ChargecheckTestingTests", dependencies: ["Locking", "ChargecheckTesting", "Runner", "YAML", "TestSupport"]),
        .testTarget(name: "ChargecheckCLITests", dependencies: ["ChargecheckCLI", "ChargecheckTesting", "TestSupport"]),
    ]
)
