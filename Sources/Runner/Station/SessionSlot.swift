import OCPP

/// One connection's OCPP session in a station's channel: the session while open, its findings once closed.
enum SessionSlot {
    case open(id: String, session: OCPPSession)
    case closed(id: String, findings: FindingLog)

    var id: String {
        switch self {
        case .open(let id, _), .closed(let id, _): id
        }
    }

    /// The session's findings so far (all of them, once closed), with their positions.
    var findings: FindingLog {
        get async {
            switch self {
            case .open(_, let session): await session.findingLog
            case .closed(_, let findings): findings
            }
        }
    }
}
