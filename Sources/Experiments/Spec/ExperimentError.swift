import Foundation

/// Why an experiment file cannot be loaded or planned, at the line of the experiment file to fix.
public struct ExperimentError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The experiment file does not exist or cannot be read.
        case fileNotFound = "file-not-found"
        /// The file is not YAML.
        case malformed = "malformed-yaml"
        /// A key is missing, unknown, of the wrong type or out of range.
        case invalid = "invalid-experiment"
        /// The scenario file (or a scenario a variant, level or point names) does not exist.
        case scenarioNotFound = "scenario-not-found"
        /// The scenario file exists but does not load.
        case invalidScenario = "invalid-scenario"
        /// An override's path names no field of the scenario.
        case unknownOverridePath = "unknown-override-path"
        /// The scenario refuses an override's value.
        case rejectedOverride = "rejected-override"
        /// A variant or design point that changes nothing.
        case emptyVariant = "empty-variant"
        /// No seeds to replicate with.
        case emptySeeds = "empty-seeds"
        /// A factor's range or levels cannot be sampled (low above high, repeated levels).
        case badRange = "bad-range"
        /// `baseline` names no variant.
        case unknownBaseline = "unknown-baseline"
        /// A response is not a KPI the scenario's model reports.
        case unknownResponse = "unknown-response"
    }

    public var code: Code
    /// What is wrong and what to write instead.
    public var message: String
    /// The experiment file.
    public var file: String
    /// 1-based line (and column) in `file` of the key or value to fix; nil when the whole file is meant.
    public var line: Int?
    public var column: Int?
    /// The scenario loader's, editor's or file system's error behind this one.
    public var underlying: (any Error)?

    public init(_ code: Code, _ message: String, file: String, line: Int?, column: Int? = nil,
                underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.underlying = underlying
    }

    /// `file:line:column: message`, then the underlying error's text for scenario problems.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, let column, line > 0 { location += ":\(column)" }
        let cause: String
        switch code {
        case .invalidScenario, .fileNotFound, .malformed:
            cause = underlying.map { "\n  \("\($0)".replacingOccurrences(of: "\n", with: "\n  "))" } ?? ""
        default:
            cause = ""
        }
        return "\(location): \(message)\(cause)"
    }
}
