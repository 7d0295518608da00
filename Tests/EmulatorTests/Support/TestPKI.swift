import Foundation
import WebSocket

/// Certificates for the TLS tests, made once per test run in a fresh temporary directory.
enum TestPKI {
    static let stations = ["CP-TLS", "CP-MTLS", "CP-OTHER"]

    static let files: Result<PKI.Files, PKIError> = Result { () throws(PKIError) -> PKI.Files in
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chargecheck-emulator-pki-\(UUID().uuidString)").path
        return try PKI.initialize(directory: directory, stations: stations)
    }

    static func get() throws -> PKI.Files {
        try files.get()
    }
}
