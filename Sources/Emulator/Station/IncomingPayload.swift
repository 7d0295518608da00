import Foundation
import OCPP

/// Why the station answers a central system CALL with a CALLERROR.
struct CallRefusal: Error, Sendable {
    /// The OCPP-J 1.6 error code (spelled as the specification spells it).
    let code: String
    let description: String
}

/// Typed reading of a central system CALL's payload; a missing or mistyped field becomes the CALLERROR OCPP-J
/// prescribes, naming the field.
struct IncomingPayload {
    let action: String
    let value: JSONValue

    init(action: String, value: JSONValue) throws(CallRefusal) {
        guard case .object = value else {
            throw CallRefusal(code: "FormationViolation", description: "\(action) payload must be a JSON object")
        }
        self.action = action
        self.value = value
    }

    private func missing(_ key: String) -> CallRefusal {
        CallRefusal(code: "OccurenceConstraintViolation", description: "\(action): required field \(key) is missing")
    }

    private func mistyped(_ key: String, _ type: String) -> CallRefusal {
        CallRefusal(code: "TypeConstraintViolation", description: "\(action): field \(key) must be \(type)")
    }

    func integer(_ key: String) throws(CallRefusal) -> Int {
        guard let field = value[key] else { throw missing(key) }
        guard let number = field.integerValue else { throw mistyped(key, "an integer") }
        return number
    }

    func optionalInteger(_ key: String) throws(CallRefusal) -> Int? {
        value[key] == nil ? nil : try integer(key)
    }

    func string(_ key: String) throws(CallRefusal) -> String {
        guard let field = value[key] else { throw missing(key) }
        guard let text = field.stringValue else { throw mistyped(key, "a string") }
        return text
    }

    func optionalString(_ key: String) throws(CallRefusal) -> String? {
        value[key] == nil ? nil : try string(key)
    }

    func date(_ key: String) throws(CallRefusal) -> Date {
        guard let date = OCPPTimestamp.date(from: try string(key)) else {
            throw CallRefusal(code: "PropertyConstraintViolation", description: "\(action): field \(key) must be an RFC 3339 date-time")
        }
        return date
    }

    func optionalDate(_ key: String) throws(CallRefusal) -> Date? {
        value[key] == nil ? nil : try date(key)
    }

    /// A field that must hold one of `Value`'s raw values.
    func enumeration<Value: RawRepresentable>(_ key: String, as type: Value.Type) throws(CallRefusal) -> Value
    where Value.RawValue == String {
        guard let parsed = Value(rawValue: try string(key)) else {
            throw CallRefusal(code: "PropertyConstraintViolation", description: "\(action): field \(key) has a value outside its enumeration")
        }
        return parsed
    }
}
