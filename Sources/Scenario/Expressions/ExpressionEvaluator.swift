public import OCPP
import Foundation

extension Expression {
    /// The expression's value in `environment`.
    ///
    /// Integers stay integers through `+ - * %` and exact division (overflow is an error, never a wrap); mixing in a
    /// decimal gives a decimal. `+` also joins strings. `&&`, `||` and `!` want booleans and short-circuit.
    public func evaluate(in environment: Environment) throws(EvaluationError) -> JSONValue {
        switch self {
        case .literal(let value):
            return value
        case .variable(let name):
            guard let value = environment[name] else { throw failure("'\(name)' is not defined") }
            return value
        case .member(let base, let name):
            let container = try base.evaluate(in: environment)
            guard case .object(let object) = container else {
                throw failure("cannot read field '\(name)' of \(base), which is \(container.typeName) \(Self.preview(container))")
            }
            guard let value = object[name] else {
                throw failure("\(base) has no field '\(name)'\(Suggestions.didYouMean(name, among: object.keys).map { "; \($0)" } ?? "")")
            }
            return value
        case .index(let base, let indexExpression):
            let container = try base.evaluate(in: environment)
            let index = try indexExpression.evaluate(in: environment)
            switch (container, index) {
            case (.array(let elements), .integer(let position)):
                guard elements.indices.contains(position) else {
                    throw failure("index \(position) is out of range: \(base) has \(elements.count) element\(elements.count == 1 ? "" : "s")")
                }
                return elements[position]
            case (.object(let object), .string(let key)):
                guard let value = object[key] else { throw failure("\(base) has no field '\(key)'") }
                return value
            default:
                throw failure("cannot index \(container.typeName) \(base) with \(index.typeName) \(Self.preview(index))")
            }
        case .call(let function, let arguments):
            var values: [JSONValue] = []
            for argument in arguments { values.append(try argument.evaluate(in: environment)) }
            return try call(function, values, in: environment)
        case .unary(.negate, let operand):
            switch try operand.evaluate(in: environment) {
            case .integer(let value):
                let (negated, overflow) = Int(0).subtractingReportingOverflow(value)
                if overflow { throw failure("integer overflow") }
                return .integer(negated)
            case .decimal(let value): return .decimal(-value)
            case let other: throw failure("cannot negate \(other.typeName) \(Self.preview(other))")
            }
        case .unary(.not, let operand):
            return .bool(!(try boolean(operand, in: environment)))
        case .binary(.and, let left, let right):
            return .bool(try boolean(left, in: environment) ? try boolean(right, in: environment) : false)
        case .binary(.or, let left, let right):
            return .bool(try boolean(left, in: environment) ? true : try boolean(right, in: environment))
        case .binary(let op, let left, let right):
            return try binary(op, try left.evaluate(in: environment), try right.evaluate(in: environment))
        case .list(let elements):
            var values: [JSONValue] = []
            for element in elements { values.append(try element.evaluate(in: environment)) }
            return .array(values)
        }
    }

    private func failure(_ message: String) -> EvaluationError {
        EvaluationError(expression: description, message: message)
    }

    private func boolean(_ operand: Expression, in environment: Environment) throws(EvaluationError) -> Bool {
        let value = try operand.evaluate(in: environment)
        guard case .bool(let flag) = value else {
            throw failure("\(operand) is \(value.typeName) \(Self.preview(value)), not a boolean")
        }
        return flag
    }

    private func binary(_ op: BinaryOperator, _ left: JSONValue, _ right: JSONValue) throws(EvaluationError) -> JSONValue {
        switch op {
        case .equal: return .bool(left.isEquivalent(to: right))
        case .notEqual: return .bool(!left.isEquivalent(to: right))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = left.compare(to: right) else {
                throw failure("cannot compare \(left.typeName) \(Self.preview(left)) with \(right.typeName) \(Self.preview(right))")
            }
            switch op {
            case .less: return .bool(order == .less)
            case .lessOrEqual: return .bool(order != .greater)
            case .greater: return .bool(order == .greater)
            default: return .bool(order != .less)
            }
        case .add:
            if case .string(let a) = left, case .string(let b) = right { return .string(a + b) }
            return try arithmetic(op, left, right)
        default:
            return try arithmetic(op, left, right)
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ left: JSONValue, _ right: JSONValue) throws(EvaluationError) -> JSONValue {
        if case .integer(let a) = left, case .integer(let b) = right {
            let result: (Int, Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            case .divide, .remainder:
                if b == 0 { throw failure("division by zero") }
                // Reporting, not `%`: Int.min % -1 traps.
                let remainder = a.remainderReportingOverflow(dividingBy: b)
                if op == .remainder { result = remainder }
                else if remainder.partialValue == 0 { result = a.dividedReportingOverflow(by: b) }
                else { return .decimal(Double(a) / Double(b)) }
            default: result = (0, true)
            }
            if result.1 { throw failure("integer overflow in \(a) \(op.rawValue) \(b)") }
            return .integer(result.0)
        }
        guard let a = left.doubleValue, let b = right.doubleValue else {
            throw failure("cannot apply '\(op.rawValue)' to \(left.typeName) \(Self.preview(left)) and \(right.typeName) \(Self.preview(right))")
        }
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide:
            if b == 0 { throw failure("division by zero") }
            result = a / b
        default:
            if b == 0 { throw failure("division by zero") }
            result = a.truncatingRemainder(dividingBy: b)
        }
        // JSON has no infinity: 1e308 * 10 would otherwise go out as the text "inf".
        guard result.isFinite else { throw failure("\(Self.preview(left)) \(op.rawValue) \(Self.preview(right)) is out of the range of numbers") }
        return .decimal(result)
    }

    private func call(_ function: Function, _ arguments: [JSONValue], in environment: Environment) throws(EvaluationError) -> JSONValue {
        switch function {
        case .now:
            var date = environment.clock()
            if let offset = arguments.first {
                guard let text = offset.stringValue, let duration = DurationText.parse(text) else {
                    throw failure("now() takes a duration string such as \"-5m\" or \"30s\", not \(Self.preview(offset))")
                }
                let (seconds, attoseconds) = duration.components
                date = date.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
            }
            return .string(Timestamp.format(date))
        case .uuid:
            return .string(environment.makeUUID())
        case .len:
            switch arguments[0] {
            case .string(let text): return .integer(text.count)
            case .array(let elements): return .integer(elements.count)
            case .object(let object): return .integer(object.count)
            case let other: throw failure("len() takes a string, array or object, not \(other.typeName)")
            }
        case .number:
            switch arguments[0] {
            case .integer, .decimal: return arguments[0]
            case .string(let text):
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if let integer = Int(trimmed) { return .integer(integer) }
                if let decimal = Double(trimmed), decimal.isFinite { return .decimal(decimal) }
                throw failure("\"\(text)\" is not a number")
            case let other: throw failure("number() takes a number or a numeric string, not \(other.typeName)")
            }
        case .string:
            return .string(arguments[0].interpolationText)
        case .range:
            guard case .integer(let low) = arguments[0], case .integer(let high) = arguments[1] else {
                throw failure("range() takes two integers")
            }
            guard high >= low else { return .array([]) }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            guard !overflow, span < 10_000 else { throw failure("range(\(low), \(high)) is longer than 10,000 elements") }
            return .array((low...high).map { .integer($0) })
        }
    }

    /// A short rendering of a value for messages.
    static func preview(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
