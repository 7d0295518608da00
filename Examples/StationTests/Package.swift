// swift-tools-version: 6.1
//
// A downstream package: the scenarios in Scenarios/ run as Swift Testing tests, one test case each, through the
// ChargecheckTesting library. Here the dependency is the checkout two folders up; elsewhere it would be
// `.package(url: "https://…/chargecheck.git", from: "…")`.
import PackageDescription

let package = Package(
    name: "StationTests",
    dependencies: [
        .package(name: "chargecheck", path: "../.."),
    ],
    targets: [
        .testTarget(
            name: "StationTests",
            dependencies: [.product(name: "ChargecheckTesting", package: "chargecheck")]
        ),
    ]
)
