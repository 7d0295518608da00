import COpenSSL
import Foundation

/// Throwaway certificates for the three OCPP security modes, made with OpenSSL's API (no shelling out).
public enum PKI {
    /// A CA that signs server and station certificates.
    public struct Authority: Sendable {
        /// The self-signed CA certificate.
        public let certificate: Certificate
        /// The CA's signing key.
        public let key: PrivateKey

        /// Issues a server certificate with `CN=<first host>` and SANs for every host (IP addresses as IP SANs).
        public func issueServerCertificate(hosts: [String], validDays: Int = 825) throws(PKIError) -> (Certificate, PrivateKey) {
            let key = try PrivateKey.generate()
            let names = hosts.map { host in Self.isIPAddress(host) ? "IP:\(host)" : "DNS:\(host)" }.joined(separator: ",")
            let certificate = try Certificate.build(
                subject: [("O", "Chargecheck"), ("CN", hosts.first ?? "localhost")], key: key, issuer: (self.certificate, self.key),
                validDays: validDays,
                extensions: [(NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, "critical,digitalSignature,keyAgreement"),
                             (NID_ext_key_usage, "serverAuth"), (NID_subject_alt_name, names),
                             (NID_subject_key_identifier, "hash"), (NID_authority_key_identifier, "keyid")])
            return (certificate, key)
        }

        /// Issues a station (client) certificate with `CN=<identity>`, as OCPP security profile 3 requires.
        public func issueStationCertificate(identity: String, validDays: Int = 825) throws(PKIError) -> (Certificate, PrivateKey) {
            let key = try PrivateKey.generate()
            let certificate = try Certificate.build(
                subject: [("O", "Chargecheck"), ("CN", identity)], key: key, issuer: (self.certificate, self.key),
                validDays: validDays,
                extensions: [(NID_basic_constraints, "critical,CA:FALSE"), (NID_key_usage, "critical,digitalSignature,keyAgreement"),
                             (NID_ext_key_usage, "clientAuth"), (NID_subject_key_identifier, "hash"),
                             (NID_authority_key_identifier, "keyid")])
            return (certificate, key)
        }

        private static func isIPAddress(_ host: String) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 16)
            return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
        }
    }

    /// A new self-signed CA (P-256, ten years).
    public static func makeAuthority(commonName: String = "Chargecheck Test CA") throws(PKIError) -> Authority {
        let key = try PrivateKey.generate()
        let certificate = try Certificate.build(
            subject: [("O", "Chargecheck"), ("CN", commonName)], key: key, issuer: nil, validDays: 3650,
            extensions: [(NID_basic_constraints, "critical,CA:TRUE"), (NID_key_usage, "critical,keyCertSign,cRLSign"),
                         (NID_subject_key_identifier, "hash")])
        return Authority(certificate: certificate, key: key)
    }

    /// The files ``initialize(directory:hosts:stations:)`` wrote.
    public struct Files: Sendable, Hashable {
        /// `ca.pem`: install on stations as the trusted CSMS root (wss://), and the server's client CA (mTLS).
        public var caCertificate: String
        /// `ca.key`: keep private; reused by later runs to add stations.
        public var caKey: String
        /// `server.pem`: Chargecheck's wss:// certificate (SANs localhost, 127.0.0.1, ::1 and the extra hosts).
        public var serverCertificate: String
        /// `server.key`, the server certificate's private key.
        public var serverKey: String
        /// `stations/<identity>.pem` per station: its client certificate for mutual TLS (CN = identity).
        public var stationCertificates: [String: String]
        /// `stations/<identity>.key` per station.
        public var stationKeys: [String: String]
    }

    /// Writes a CA (kept when `ca.pem` and `ca.key` already exist), a server certificate for localhost, 127.0.0.1,
    /// ::1 and `hosts`, and one certificate per station identity (CN = identity) into `directory`.
    @discardableResult
    public static func initialize(directory: String, hosts: [String] = [], stations: [String] = []) throws(PKIError) -> Files {
        let root = URL(fileURLWithPath: directory)
        let stationDirectory = root.appendingPathComponent("stations")
        do {
            try FileManager.default.createDirectory(at: stationDirectory, withIntermediateDirectories: true)
        } catch {
            throw PKIError("create \(stationDirectory.path)", reason: error.localizedDescription)
        }
        let caPath = root.appendingPathComponent("ca.pem").path
        let caKeyPath = root.appendingPathComponent("ca.key").path
        let authority: Authority
        if FileManager.default.fileExists(atPath: caPath) && FileManager.default.fileExists(atPath: caKeyPath) {
            authority = Authority(certificate: try Certificate.read(from: caPath), key: try PrivateKey.read(from: caKeyPath))
        } else {
            authority = try makeAuthority()
            try authority.certificate.write(to: caPath)
            try authority.key.write(to: caKeyPath)
        }
        var allHosts = ["localhost", "127.0.0.1", "::1"]
        for host in hosts where !allHosts.contains(host) { allHosts.append(host) }
        let (serverCertificate, serverKey) = try authority.issueServerCertificate(hosts: allHosts)
        var files = Files(caCertificate: caPath, caKey: caKeyPath,
                          serverCertificate: root.appendingPathComponent("server.pem").path,
                          serverKey: root.appendingPathComponent("server.key").path,
                          stationCertificates: [:], stationKeys: [:])
        try serverCertificate.write(to: files.serverCertificate)
        try serverKey.write(to: files.serverKey)
        for identity in stations {
            guard !identity.isEmpty, !identity.contains("/"), identity != ".", identity != ".." else {
                throw PKIError("station certificate", reason: "identity \"\(identity)\" cannot name a file")
            }
            let (certificate, key) = try authority.issueStationCertificate(identity: identity)
            let certificatePath = stationDirectory.appendingPathComponent("\(identity).pem").path
            let keyPath = stationDirectory.appendingPathComponent("\(identity).key").path
            try certificate.write(to: certificatePath)
            try key.write(to: keyPath)
            files.stationCertificates[identity] = certificatePath
            files.stationKeys[identity] = keyPath
        }
        return files
    }
}
