/// Why an experiment summary or a sequential decision could not be made.
public struct SummaryError: Error, CustomStringConvertible {
    /// A stable, machine-readable category.
    public enum Code: String, Sendable, Codable {
        /// The layout contradicts itself (duplicate names, baseline not a variant, Sobol size…).
        case invalidLayout
        /// An observation names a variant, response or seed the plan does not have.
        case unknownObservation
        /// Two observations for the same variant, seed and response.
        case duplicateObservation
        /// One response reported in different units by different runs.
        case conflictingUnits
        /// A sequential rule outside its range.
        case invalidRule
    }

    public let code: Code
    /// What is wrong and what to do about it.
    public let message: String
    /// The error that caused this one, if any.
    public let underlying: (any Error)?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        underlying.map { "\(message) (\($0))" } ?? message
    }
}
