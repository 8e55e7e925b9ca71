/// Why a distribution's parameters are unusable, with a message a scenario author can act on.
///
/// The message names the distribution kind, the parameter, the offending value and the
/// expected range, e.g. `weibull: shape = -1.0 is invalid; expected a finite number > 0`.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable category.
    public enum Code: String, Sendable, Codable {
        /// A parameter is out of its valid range (or NaN/infinite).
        case invalidParameter
        /// Two parameters contradict each other (e.g. min ≥ max).
        case inconsistentParameters
        /// An empirical table has too few entries.
        case emptyTable
        /// Weights and values have different lengths.
        case lengthMismatch
    }

    public let code: Code
    /// The distribution kind, as in the Codable form (`"weibull"`).
    public let kind: String
    /// The parameter at fault (`"shape"`, `"weights[3]"`, `"min/max"`).
    public let parameter: String
    /// The offending value, as text.
    public let value: String
    /// The full, human-readable explanation.
    public let message: String

    public init(code: Code, kind: String, parameter: String, value: String, expected: String) {
        self.code = code
        self.kind = kind
        self.parameter = parameter
        self.value = value
        self.message = "\(kind): \(parameter) = \(value) is invalid; expected \(expected)"
    }

    public var description: String { message }
}
