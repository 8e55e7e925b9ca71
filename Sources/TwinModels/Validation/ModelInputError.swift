/// An input a model cannot accept, naming the quantity, the value, its unit and what was expected.
///
/// Models validate their inputs at the boundary and throw this typed error instead of
/// returning NaN or clamping silently, so a bad scenario value or a broken sensor stream
/// fails loudly with enough context to fix it (see docs/design.md, "Loud failures").
public struct ModelInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is; the raw values are stable so scripts can match them.
    public enum Code: String, Sendable, Equatable {
        /// The value is finite but outside the range the model (or formula) is valid for.
        case outOfRange = "out-of-range"
        /// The value is NaN or infinite.
        case notFinite = "not-finite"
        /// The values are each in range but contradict each other
        /// (for example a vapour pressure above the total pressure).
        case inconsistent = "inconsistent"
        /// An iterative solver did not reach its tolerance.
        case noConvergence = "no-convergence"
    }

    /// What kind of problem this is.
    public let code: Code
    /// The quantity that failed, e.g. `"air temperature"`.
    public let quantity: String
    /// The offending value, in `unit`.
    public let value: Double
    /// The unit of `value` and `validRange`, e.g. `"°C"`.
    public let unit: String
    /// The accepted interval, in `unit`, when one applies.
    public let validRange: ClosedRange<Double>?
    /// A human-readable sentence with all of the above.
    public let message: String

    /// Creates an error; `message` is composed from the other fields when omitted.
    public init(
        code: Code,
        quantity: String,
        value: Double,
        unit: String,
        validRange: ClosedRange<Double>? = nil,
        message: String? = nil
    ) {
        self.code = code
        self.quantity = quantity
        self.value = value
        self.unit = unit
        self.validRange = validRange
        if let message {
            self.message = message
        } else {
            var text = "\(quantity) = \(value) \(unit)"
            switch code {
            case .outOfRange: text += " is outside the valid range"
            case .notFinite: text += " is not a finite number"
            case .inconsistent: text += " is inconsistent with the other inputs"
            case .noConvergence: text += " did not converge"
            }
            if let validRange {
                text += " [\(validRange.lowerBound), \(validRange.upperBound)] \(unit)"
            }
            self.message = text
        }
    }

    public var description: String { "[\(code.rawValue)] \(message)" }

    /// Returns `value` if it is finite and inside `range`, otherwise throws.
    ///
    /// - Parameters:
    ///   - value: the input to check, in `unit`.
    ///   - quantity: its name, used in the error message.
    ///   - unit: its unit, used in the error message.
    ///   - range: the closed interval it must lie in.
    /// - Returns: `value`, unchanged, so checks can be written inline.
    /// - Throws: `ModelInputError` with code `.notFinite` or `.outOfRange`.
    @inlinable
    public static func check(
        _ value: Double,
        _ quantity: String,
        unit: String,
        in range: ClosedRange<Double>
    ) throws(ModelInputError) -> Double {
        guard value.isFinite else {
            throw ModelInputError(code: .notFinite, quantity: quantity, value: value, unit: unit, validRange: range)
        }
        guard range.contains(value) else {
            throw ModelInputError(code: .outOfRange, quantity: quantity, value: value, unit: unit, validRange: range)
        }
        return value
    }
}
