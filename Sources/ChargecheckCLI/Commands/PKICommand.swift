import WebSocket

/// `chargecheck pki init DIR`: a throwaway certificate authority, a server certificate and station certificates for
/// the wss and mutual-TLS connection modes.
struct PKICommand: Command {
    static let name = "pki"
    static let abstract = "Make a throwaway CA, server and station certificates for wss:// and mutual TLS."
    static let discussion = """
        chargecheck pki init DIR writes into DIR:
          ca.pem, ca.key            the certificate authority (kept if DIR already has one)
          server.pem, server.key    the central system's certificate for localhost, 127.0.0.1, ::1 and every --host
          stations/ID.pem, .key     a client certificate per --station, with CN = the charge point identity

        Give server.pem and server.key to `chargecheck run --tls-cert/--tls-key`, install ca.pem on the station as
        its trusted root, and for mutual TLS install stations/ID.pem and stations/ID.key on the station.

        Example: chargecheck pki init pki --host 192.168.1.20 --station CP-1 --station CP-2
        """
    static let host = OptionSpec.repeated("--host", valueName: "name", help: "A further DNS name or IP address for the server certificate.")
    static let station = OptionSpec.repeated("--station", valueName: "identity", help: "A charge point identity to issue a client certificate for.")
    static let options: [OptionSpec] = [host, station]
    static let arguments = [
        ArgumentSpec(name: "init", help: "The only action: init."),
        ArgumentSpec(name: "directory", help: "Where to write the files (created if missing)."),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) async -> ExitCode {
        guard arguments.positionals.count == 2, arguments.positionals[0] == "init" else {
            console.printError("error: usage: chargecheck pki init DIRECTORY [--host NAME]… [--station ID]…")
            return .usage
        }
        let directory = arguments.positionals[1]
        do {
            let files = try PKI.initialize(directory: directory, hosts: arguments.values(host), stations: arguments.values(station))
            console.print("certificate authority: \(files.caCertificate)")
            console.print("server certificate:    \(files.serverCertificate) (key \(files.serverKey))")
            for identity in files.stationCertificates.keys.sorted() {
                console.print("station \(identity):\(String(repeating: " ", count: max(1, 14 - identity.count)))\(files.stationCertificates[identity] ?? "") (key \(files.stationKeys[identity] ?? ""))")
            }
            return .success
        } catch {
            console.printError("error: pki init \(directory): \(error.description)")
            return .failure
        }
    }
}
