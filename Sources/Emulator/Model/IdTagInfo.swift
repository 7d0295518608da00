import OCPP
import Foundation

/// What the central system said about an idTag: its status, expiry and group.
struct IdTagInfo: Sendable, Equatable {
    enum Status: String, Sendable {
        case accepted = "Accepted"
        case blocked = "Blocked"
        case expired = "Expired"
        case invalid = "Invalid"
        case concurrentTx = "ConcurrentTx"
    }

    var status: Status
    var expiryDate: Date?
    var parentIdTag: String?

    init(status: Status, expiryDate: Date? = nil, parentIdTag: String? = nil) {
        self.status = status
        self.expiryDate = expiryDate
        self.parentIdTag = parentIdTag
    }

    /// The `idTagInfo` object of a central system message, `nil` when it has no valid `status`.
    init?(_ value: JSONValue?) {
        guard let status = value?["status"]?.stringValue.flatMap(Status.init(rawValue:)) else { return nil }
        self.status = status
        expiryDate = value?["expiryDate"]?.stringValue.flatMap(OCPPTimestamp.date(from:))
        parentIdTag = value?["parentIdTag"]?.stringValue
    }

    /// The status as it holds at `now`: an accepted tag past its expiry date counts as expired.
    func effectiveStatus(at now: Date) -> Status {
        if status == .accepted, let expiryDate, expiryDate < now { return .expired }
        return status
    }
}
