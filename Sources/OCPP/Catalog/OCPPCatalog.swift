/// Every OCPP 1.6 action (the 28 of the core specification and the 11 of the security extension), looked up by name.
///
/// The one description of the protocol in the project: the validator, the scenario linter, the emulator, the default
/// replies and the docs all read it.
public struct OCPPCatalog: Sendable {
    /// The OCPP 1.6 catalog.
    public static let v16 = OCPPCatalog(actions: CoreProfile.actions + FirmwareManagementProfile.actions
        + LocalAuthListManagementProfile.actions + ReservationProfile.actions + SmartChargingProfile.actions
        + RemoteTriggerProfile.actions + SecurityExtension.actions)

    /// All actions, grouped by profile in the specification's order.
    public let actions: [OCPPAction]
    let actionsByName: [String: OCPPAction]

    /// A catalog of `actions` (names must be unique; a repeated name keeps the first).
    public init(actions: [OCPPAction]) {
        self.actions = actions
        actionsByName = Dictionary(actions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The action called `name` (exact, case-sensitive as on the wire).
    public subscript(name: String) -> OCPPAction? { actionsByName[name] }

    /// The action names, sorted.
    public var actionNames: [String] { actionsByName.keys.sorted() }

    /// The actions whose request `role` sends.
    public func actions(initiatedBy role: OCPPRole) -> [OCPPAction] {
        actions.filter { $0.direction.canBeInitiated(by: role) }
    }

    /// Action names close to `name`, best first (for "did you mean …?").
    public func suggestions(forAction name: String) -> [String] {
        Suggestions.closest(to: name, among: actions.map(\.name))
    }

    /// What the catalog says about the value at `path` of an action's request or response.
    public func lookup(action name: String, _ kind: OCPPMessageKind, at path: JSONPath) -> PathLookup {
        guard let action = self[name] else { return .unknownAction(suggestions: suggestions(forAction: name)) }
        return Self.lookup(path, in: .object(action.definition(kind)))
    }

    /// What `type` says about the value at `path` below it.
    public static func lookup(_ path: JSONPath, in type: OCPPType) -> PathLookup {
        var current = type
        var field: OCPPField?
        for (position, component) in path.components.enumerated() {
            let parent = JSONPath(components: Array(path.components.prefix(position)))
            switch (current, component) {
            case (.object(let definition), .key(let key)):
                guard let next = definition.field(named: key) else {
                    return .unknownField(parent: parent, name: key, definition: definition,
                                         suggestions: Suggestions.closest(to: key, among: definition.fields.map(\.name)))
                }
                field = next
                current = next.type
            case (.array(let element, _), .index):
                current = element
            default:
                return .notAContainer(parent: parent, type: current)
            }
        }
        return .found(current, field: field)
    }

    /// The answer of `lookup`.
    public enum PathLookup: Sendable {
        /// The path names a value of `type`; `field` is the last named field on the way (nil at the root).
        case found(OCPPType, field: OCPPField?)
        /// The action is not in the catalog.
        case unknownAction(suggestions: [String])
        /// The object at `parent` has no field `name`.
        case unknownField(parent: JSONPath, name: String, definition: OCPPObjectDefinition, suggestions: [String])
        /// The path goes below `parent`, whose type has no members or elements to step into (or the step's kind is
        /// wrong: an index into an object, a key into an array).
        case notAContainer(parent: JSONPath, type: OCPPType)
    }
}
