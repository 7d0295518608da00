import Foundation
import WebSocket

/// The certificates of the mutual-TLS workloads: a CA, the central system's certificate and one station
/// certificate (CN `BENCH`) that every load-generating station presents (the central system does not match CN to
/// identity, so 10,000 stations need not mean 10,000 certificates).
struct BenchPKI: Sendable {
    let directory: String
    /// Whether this run made the folder (and removes it).
    private(set) var isTemporary = false

    var caCertificate: String { directory + "/ca.pem" }
    var serverCertificate: String { directory + "/server.pem" }
    var serverKey: String { directory + "/server.key" }
    var stationCertificate: String { directory + "/stations/BENCH.pem" }
    var stationKey: String { directory + "/stations/BENCH.key" }

    /// Certificates already made in `directory` (`chargecheck pki init DIR --station BENCH` makes such a folder).
    init(existing directory: String) {
        self.directory = directory
    }

    /// New certificates in a fresh temporary directory; remove it with ``remove()``.
    static func temporary() throws(BenchError) -> BenchPKI {
        let directory = NSTemporaryDirectory() + "chargecheck-bench-pki-" + UUID().uuidString
        do {
            try PKI.initialize(directory: directory, stations: ["BENCH"])
        } catch {
            throw BenchError("cannot make test certificates in \(directory): \(error)")
        }
        return BenchPKI(existing: directory)
    }

    /// The folder `--pki` names, else new certificates in a temporary folder (``isTemporary``).
    static func forRun(_ directory: String?) throws(BenchError) -> BenchPKI {
        if let directory { return BenchPKI(existing: directory) }
        var pki = try temporary()
        pki.isTemporary = true
        return pki
    }

    /// Removes the folder when this run made it.
    func remove() {
        guard isTemporary else { return }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The server side: mutual TLS against this CA.
    var serverTLS: TLSServerConfiguration {
        TLSServerConfiguration(certificatePath: serverCertificate, privateKeyPath: serverKey, clientCAPath: caCertificate)
    }

    /// The station side: trust this CA, present the station certificate.
    var clientTLS: TLSClientConfiguration {
        TLSClientConfiguration(caFile: caCertificate, certificatePath: stationCertificate, privateKeyPath: stationKey)
    }
}
