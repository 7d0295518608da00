/// A value kept on the heap: a result type stores a large, rarely present field (a step's failure, its physical act)
/// in one, so that the many results that have none stay small (a pointer instead of the whole value inline).
final class Boxed<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    static func == (left: Boxed, right: Boxed) -> Bool { left.value == right.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
