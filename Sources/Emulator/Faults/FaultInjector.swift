import OCPP

/// Spoils outgoing payloads as the active fault profiles say (the profiles that change behaviour rather than
/// payloads are honoured where the behaviour lives).
enum FaultInjector {
    /// The required field each message loses under `missing-required-field`.
    static let droppedField: [String: String] = [
        "StatusNotification": "errorCode",
        "StartTransaction": "meterStart",
        "StopTransaction": "meterStop",
        "MeterValues": "connectorId",
    ]

    /// `payload` of a CALL `action` with the payload faults of `faults` applied.
    static func apply(_ faults: Set<FaultProfile>, to action: String, payload: JSONValue) -> JSONValue {
        guard var object = payload.objectValue else { return payload }
        if faults.contains(.missingRequiredField), let field = droppedField[action] {
            object[field] = nil
        }
        if faults.contains(.wrongEnum) {
            switch action {
            case "StatusNotification":
                if object["errorCode"] != nil { object["errorCode"] = "Error" }
            case "MeterValues":
                object["meterValue"] = object["meterValue"].map(renamingMeasurands)
            default:
                break
            }
        }
        return .object(object)
    }

    /// Every `measurand` inside `meterValue` replaced by a name outside the enum.
    private static func renamingMeasurands(_ meterValues: JSONValue) -> JSONValue {
        guard let values = meterValues.arrayValue else { return meterValues }
        return .array(values.map { value in
            guard var object = value.objectValue, let samples = object["sampledValue"]?.arrayValue else { return value }
            object["sampledValue"] = .array(samples.map { sample in
                guard var sampleObject = sample.objectValue else { return sample }
                sampleObject["measurand"] = "Energy.Active.Import"
                return .object(sampleObject)
            })
            return .object(object)
        })
    }
}
