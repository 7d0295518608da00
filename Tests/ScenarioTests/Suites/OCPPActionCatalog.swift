import OCPP
import Scenario

/// The OCPP 1.6 catalog seen through the loader's ``MessageCatalog``: action names and who sends each, so loading the
/// shipped scenarios also catches misspelt actions and actions sent the wrong way. Payload shapes are left open.
struct OCPPActionCatalog: MessageCatalog {
    let catalog = OCPPCatalog.v16

    var actionNames: [String] { catalog.actionNames }

    func initiator(of action: String) -> MessageInitiator? {
        switch catalog[action]?.direction {
        case .chargePointToCentralSystem?: .station
        case .centralSystemToChargePoint?: .centralSystem
        case .both?: .either
        case nil: nil
        }
    }

    func shape(of action: String, _ part: MessagePart) -> PayloadShape? { .any }
}
