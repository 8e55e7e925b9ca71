/// A weather file that cannot be used, with the line that is wrong and why.
public struct WeatherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is; raw values are stable for scripts.
    public enum Code: String, Sendable, Equatable {
        /// The file has no header or no data rows.
        case empty = "empty"
        /// A required column is absent from the header.
        case missingColumn = "missing-column"
        /// The header names a column this reader does not know (a typo is never ignored).
        case unknownColumn = "unknown-column"
        /// A column name appears twice in the header.
        case duplicateColumn = "duplicate-column"
        /// A row has fewer or more fields than the header.
        case wrongFieldCount = "wrong-field-count"
        /// A field is not a number.
        case notNumeric = "not-numeric"
        /// A number is outside its physical range.
        case outOfRange = "out-of-range"
        /// Time does not strictly increase from one row to the next.
        case nonMonotonicTime = "non-monotonic-time"
        /// Fewer than two data rows, so nothing can be interpolated.
        case tooFewRows = "too-few-rows"
    }

    /// What kind of problem this is.
    public let code: Code
    /// 1-based line number in the file, or 0 when the problem is not on one line.
    public let line: Int
    /// A sentence naming the column, the value and what was expected.
    public let message: String

    /// Creates an error.
    public init(code: Code, line: Int, message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "line \(line): [\(code.rawValue)] \(message)" : "[\(code.rawValue)] \(message)"
    }
}
