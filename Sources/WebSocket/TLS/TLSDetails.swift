/// What TLS a connection uses.
public struct TLSDetails: Sendable, Hashable {
    /// "TLSv1.3", "TLSv1.2".
    public var version: String
    /// OpenSSL's cipher name, e.g. "TLS_AES_256_GCM_SHA384".
    public var cipher: String
    /// The peer certificate's subject in RFC 2253 form, when the peer presented one.
    public var peerCertificateSubject: String?
    /// The peer certificate's common name.
    public var peerCommonName: String?
}
