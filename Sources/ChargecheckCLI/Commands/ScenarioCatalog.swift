import Scenario

/// The message catalog the CLI's loader checks scenarios against.
enum ScenarioCatalog {
    /// `nil` until the OCPP catalog is adapted to ``MessageCatalog``.
    static let standard: (any MessageCatalog)? = nil
}
