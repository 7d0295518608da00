/// One test case of the OCPP 1.6 compliance catalog for charge points: its id and title only (the catalog's own texts
/// are licensed no-derivatives; the scenarios that exercise a case are written from scratch).
public struct ComplianceCase: Sendable, Hashable {
    /// The id as the catalog writes it, e.g. `TC_013_CS`; scenarios carry it as a tag.
    public var id: String
    /// The catalog's title.
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// One module of the compliance catalog (a group of cases around one feature) and the OCPP 1.6 feature profile it
/// belongs to.
public struct ComplianceModule: Sendable, Hashable {
    /// The module's number in the catalog, 1 to 25.
    public var number: Int
    /// The module's name, e.g. `Cold Boot`.
    public var name: String
    /// The feature profile (`Core`, `SmartCharging`, …, `Security`).
    public var profile: String
    /// The cases, in the catalog's order.
    public var cases: [ComplianceCase]

    public init(number: Int, name: String, profile: String, cases: [ComplianceCase]) {
        self.number = number
        self.name = name
        self.profile = profile
        self.cases = cases
    }

    /// The folder that holds this module's scenarios under `scenarios/ocpp16/`, e.g. `01-cold-boot`.
    public var folderName: String {
        let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let collapsed = String(slug).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return (number < 10 ? "0\(number)" : "\(number)") + "-" + collapsed
    }
}
