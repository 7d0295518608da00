/// The type of one field in an OCPP 1.6 message, as the specification defines it.
public indirect enum OCPPType: Sendable {
    /// A JSON integer.
    case integer
    /// A JSON number; `multipleOf` where the specification demands one decimal place (charging limits).
    case decimal(multipleOf: Double? = nil)
    /// A string, optionally limited to `maxLength` characters (the CiString types) or of a special format.
    case string(maxLength: Int? = nil, format: StringFormat? = nil)
    /// A JSON boolean.
    case boolean
    /// An RFC 3339 timestamp with a time-zone offset.
    case dateTime
    /// One value of a closed set of strings (case-sensitive).
    case enumeration(OCPPEnumeration)
    /// A nested object.
    case object(OCPPObjectDefinition)
    /// An array of `element`, with at least `minItems` elements.
    case array(of: OCPPType, minItems: Int = 0)

    /// The special formats a string field may carry.
    public enum StringFormat: String, Sendable {
        /// An absolute URI (RFC 3986), e.g. a firmware or diagnostics location.
        case uri
    }

    /// The name of the type as shown in messages and docs: `integer`, `decimal`, `CiString20`, `dateTime`, ….
    public var displayName: String {
        switch self {
        case .integer: "integer"
        case .decimal: "decimal"
        case .string(let maxLength, let format):
            if let format { format.rawValue } else if let maxLength { "CiString\(maxLength)" } else { "string" }
        case .boolean: "boolean"
        case .dateTime: "dateTime"
        case .enumeration(let enumeration): enumeration.name
        case .object(let definition): definition.name
        case .array(let element, _): "array of \(element.displayName)"
        }
    }

    /// A CiString limited to `length` characters.
    public static func ciString(_ length: Int) -> OCPPType { .string(maxLength: length) }

    /// A decimal that must be a multiple of 0.1 (charging-schedule limits).
    public static let decimalTenths = OCPPType.decimal(multipleOf: 0.1)
}

/// A closed set of string values, such as `Measurand` or `ChargePointStatus`.
/// A class (immutable) so that passing it around the validator's hot path costs one reference count.
public final class OCPPEnumeration: Sendable {
    /// The specification's name of the type, e.g. `Measurand`.
    public let name: String
    /// The plural noun used in messages: "is not one of the 22 measurands".
    public let noun: String
    /// The allowed values in the specification's order.
    public let values: [String]
    /// The UTF-8 length of each value, so most comparisons end at the length.
    let valueLengths: [Int]
    let valuesByLowercase: [String: String]

    /// An enumeration called `name`, described in messages by the plural `noun`.
    public init(_ name: String, noun: String, values: [String]) {
        self.name = name
        self.noun = noun
        self.values = values
        valueLengths = values.map(\.utf8.count)
        valuesByLowercase = Dictionary(values.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether `value` is one of the values, exactly. (A linear scan by length: the sets are small, and comparing
    /// lengths is cheaper than hashing.)
    public func contains(_ value: String) -> Bool {
        let length = value.utf8.count
        for index in values.indices where valueLengths[index] == length && values[index] == value { return true }
        return false
    }

    /// The value that equals `value` ignoring case, if there is one.
    public func caseInsensitiveMatch(for value: String) -> String? { valuesByLowercase[value.lowercased()] }
}

/// One field of a message or of a nested object.
public struct OCPPField: Sendable {
    /// The field's name on the wire.
    public let name: String
    /// The field's type.
    public let type: OCPPType
    /// Whether the field must be present.
    public let isRequired: Bool

    /// A field; optional unless `required`.
    public init(_ name: String, _ type: OCPPType, required: Bool = false) {
        self.name = name
        self.type = type
        self.isRequired = required
    }

    /// A required field.
    public static func required(_ name: String, _ type: OCPPType) -> OCPPField { OCPPField(name, type, required: true) }

    /// An optional field.
    public static func optional(_ name: String, _ type: OCPPType) -> OCPPField { OCPPField(name, type, required: false) }
}

/// The definition of an object: a message payload or a nested type (no other members are allowed).
/// A class (immutable) so that passing it around the validator's hot path costs one reference count.
public final class OCPPObjectDefinition: Sendable {
    /// The specification's name: `MeterValues.req`, `SampledValue`, `IdTagInfo`, ….
    public let name: String
    /// The fields in the specification's order.
    public let fields: [OCPPField]
    /// The UTF-8 length of each field name, so most comparisons end at the length.
    let nameLengths: [Int]
    let requiredCount: Int

    /// A definition called `name` with `fields` in order.
    public init(_ name: String, _ fields: [OCPPField]) {
        self.name = name
        self.fields = fields
        nameLengths = fields.map(\.name.utf8.count)
        requiredCount = fields.filter(\.isRequired).count
    }

    /// The field called `name`, if the definition has one. (A linear scan by length: definitions have at most a
    /// dozen fields, and comparing lengths is cheaper than hashing.)
    public func field(named name: String) -> OCPPField? {
        let length = name.utf8.count
        for index in fields.indices where nameLengths[index] == length && fields[index].name == name { return fields[index] }
        return nil
    }

    /// The names of the required fields, in order.
    public var requiredFieldNames: [String] { fields.filter(\.isRequired).map(\.name) }
}
