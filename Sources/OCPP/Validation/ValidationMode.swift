/// How strictly payloads are judged.
public enum ValidationMode: String, Sendable, Hashable, CaseIterable {
    /// Every deviation from the OCPP 1.6 schemas is an error (the default).
    case strict
    /// The deviations real stations commonly show (a timestamp without a zone, a number sent as a string or a string
    /// as a number, an enum value in the wrong case, an unknown extra field) are accepted and reported as warnings.
    case lenient
}
