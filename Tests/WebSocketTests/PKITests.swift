import COpenSSL
import Foundation
import Testing
@testable import WebSocket

/// `chargecheck pki init`: a CA, a server certificate and station certificates, through OpenSSL's API.
@Suite("PKI")
struct PKITests {
    @Test("initialize writes a CA, a server certificate for localhost and extra hosts, and station certificates")
    func initialize() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let files = try PKI.initialize(directory: directory.path, hosts: ["csms.example.org", "192.0.2.7"], stations: ["CP001", "CP 2"])
        let ca = try Certificate.read(from: files.caCertificate)
        let server = try Certificate.read(from: files.serverCertificate)
        let station = try Certificate.read(from: try #require(files.stationCertificates["CP 2"]))
        #expect(ca.subject == "CN=Chargecheck Test CA,O=Chargecheck")
        #expect(station.commonName == "CP 2")
        #expect(files.stationCertificates["CP001"] == directory.path + "/stations/CP001.pem")
        for host in ["localhost", "csms.example.org"] {
            #expect(X509_check_host(server.pointer, host, host.utf8.count, 0, nil) == 1, "SAN \(host)")
        }
        for address in ["127.0.0.1", "::1", "192.0.2.7"] {
            #expect(X509_check_ip_asc(server.pointer, address, 0) == 1, "SAN \(address)")
        }
        #expect(X509_check_host(server.pointer, "other.example.org", 17, 0, nil) == 0)
        let caKey = try #require(X509_get0_pubkey(ca.pointer))
        #expect(X509_verify(server.pointer, caKey) == 1, "server certificate signed by the CA")
        #expect(X509_verify(station.pointer, caKey) == 1, "station certificate signed by the CA")
        let attributes = try FileManager.default.attributesOfItem(atPath: files.serverKey)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test("a second initialize keeps the CA, so stations that trust it keep working")
    func keepsAuthority() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try PKI.initialize(directory: directory.path)
        let before = try String(contentsOfFile: first.caCertificate, encoding: .utf8)
        let second = try PKI.initialize(directory: directory.path, stations: ["CP009"])
        #expect(try String(contentsOfFile: second.caCertificate, encoding: .utf8) == before)
        let station = try Certificate.read(from: try #require(second.stationCertificates["CP009"]))
        let ca = try Certificate.read(from: second.caCertificate)
        #expect(X509_verify(station.pointer, X509_get0_pubkey(ca.pointer)) == 1)
    }

    @Test("an identity that cannot name a file is refused", arguments: ["../evil", "", ".."])
    func badIdentity(identity: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: PKIError.self) { try PKI.initialize(directory: directory.path, stations: [identity]) }
    }

    @Test("an unreadable certificate file is a located error")
    func unreadable() throws {
        let error = #expect(throws: PKIError.self) { try Certificate.read(from: "/nonexistent/ca.pem") }
        #expect(error?.operation == "open /nonexistent/ca.pem")
    }
}
