import Foundation
public import Scenario
public import WebSocket

/// One `--listen` URL with its security: what a listener serves and how it authenticates stations.
public struct ListenerConfiguration: Sendable {
    /// `ws://` or `wss://`, host, port (0 picks a free one) and the path before the station identity.
    public var scheme: String
    public var host: String
    public var port: Int
    public var pathPrefix: String
    /// Certificates for `wss://` (with a client CA for mutual TLS).
    public var tls: TLSServerConfiguration?
    /// Basic Auth credentials, when stations must present them.
    public var basicAuth: BasicAuthConfiguration?

    public init(scheme: String, host: String, port: Int, pathPrefix: String, tls: TLSServerConfiguration? = nil,
                basicAuth: BasicAuthConfiguration? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.pathPrefix = pathPrefix
        self.tls = tls
        self.basicAuth = basicAuth
    }

    /// Parses `ws://HOST:PORT/PATH` or `wss://…`; the port defaults to 80 / 443.
    public static func parse(_ url: String) throws(ListenerError) -> ListenerConfiguration {
        let parts = url.split(separator: "://", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == "ws" || parts[0] == "wss" else {
            throw ListenerError("\(url): a listener URL starts with ws:// or wss://, e.g. ws://0.0.0.0:9000/ocpp")
        }
        let rest = parts[1]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<slash])
        let path = slash == rest.endIndex ? "/" : String(rest[slash...])
        var host = authority
        var port = parts[0] == "ws" ? 80 : 443
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw ListenerError("\(url): the IPv6 address lacks its ]") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let number = Int(after.dropFirst()), (0...65535).contains(number) else {
                    throw ListenerError("\(url): the port must be a number from 0 to 65535")
                }
                port = number
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let number = Int(authority[authority.index(after: colon)...]), (0...65535).contains(number) else {
                throw ListenerError("\(url): the port must be a number from 0 to 65535")
            }
            port = number
        }
        guard !host.isEmpty else { throw ListenerError("\(url): the host is missing (use 0.0.0.0 to listen on every address)") }
        return ListenerConfiguration(scheme: parts[0], host: host, port: port, pathPrefix: path)
    }

    /// The connection mode this listener admits stations in; `nil` for other combinations (wss without client
    /// authentication, Basic Auth over ws).
    public var mode: SecurityMode? {
        switch (tls, basicAuth) {
        case (nil, nil): .ws
        case (let tls?, _) where tls.clientCAPath != nil: .wssMTLS
        case (_?, _?): .wssBasic
        default: nil
        }
    }

    /// The URL with a concrete port, and the path ready for an identity: `ws://127.0.0.1:9000/ocpp/`.
    public func url(port actualPort: Int) -> String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        let prefix = pathPrefix.hasSuffix("/") ? pathPrefix : pathPrefix + "/"
        return "\(scheme)://\(hostText):\(actualPort)\(prefix)"
    }

    /// Checks that the pieces fit: wss needs a certificate, ws must not have one.
    public func validate() throws(ListenerError) {
        if scheme == "wss" && tls == nil {
            throw ListenerError("\(url(port: port)): wss:// needs --tls-cert and --tls-key")
        }
        if scheme == "ws" && tls != nil {
            throw ListenerError("\(url(port: port)): certificates were given for a ws:// listener; use wss://")
        }
    }
}

/// A listener that cannot be set up, in words that say what to change.
public struct ListenerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
