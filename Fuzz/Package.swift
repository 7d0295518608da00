// swift-tools-version: 6.1
//
// libFuzzer targets for Chargecheck's parsers (see docs/fuzzing.md; `make fuzz` runs them all).
//
// A package of its own, depending on the root package by path, so the root's `swift build`, `swift test` and release
// builds never see these executables. Each target reaches the parser it exercises through `@testable import`, so it
// builds in debug only, which is what fuzzing wants (no optimizer hiding the code paths, sanitizers on).
//
// Built two ways:
// - plain (`swift build --package-path Fuzz`): each target replays the inputs named on its command line once, so a
//   crash file can be reproduced and debugged without sanitizers;
// - for fuzzing (`-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING`): `main` hands over to libFuzzer.
import PackageDescription

let package = Package(
    name: "chargecheck-fuzz",
    dependencies: [.package(name: "chargecheck", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzScenario", dependencies: [
            "FuzzSupport", .product(name: "Scenario", package: "chargecheck"), .product(name: "YAML", package: "chargecheck"),
            .product(name: "OCPP", package: "chargecheck"),
        ]),
        .executableTarget(name: "FuzzExpression", dependencies: [
            "FuzzSupport", .product(name: "Scenario", package: "chargecheck"), .product(name: "OCPP", package: "chargecheck"),
        ]),
        .executableTarget(name: "FuzzOCPPFrame", dependencies: [
            "FuzzSupport", .product(name: "OCPP", package: "chargecheck"),
        ]),
        .executableTarget(name: "FuzzTrace", dependencies: [
            "FuzzSupport", .product(name: "OCPP", package: "chargecheck"),
        ]),
        .executableTarget(name: "FuzzWebSocketFrame", dependencies: [
            "FuzzSupport", .product(name: "WebSocket", package: "chargecheck"),
        ]),
        .executableTarget(name: "FuzzHandshake", dependencies: [
            "FuzzSupport", .product(name: "WebSocket", package: "chargecheck"),
        ]),
        .executableTarget(name: "FuzzUpgradeResponse", dependencies: [
            "FuzzSupport", .product(name: "WebSocket", package: "chargecheck"),
        ]),
    ]
)
