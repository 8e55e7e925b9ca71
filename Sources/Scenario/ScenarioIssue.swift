import Foundation

/// One problem found in a scenario file, located precisely enough to fix without searching.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
    /// The scenario file (as given by the user).
    public var file: String
    /// 1-based line and column of the offending node, when known.
    public var line: Int?
    public var column: Int?
    /// Dotted path of the field, e.g. `machine_shop.repair_time.sd`.
    public var field: String
    /// The value found, as written (nil when the field is missing).
    public var value: String?
    /// What was expected instead.
    public var expected: String
    /// Whether the field is a key the format does not have (`expected` lists the known keys).
    public var isUnknownKey = false

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let found = value.map { "found '\($0)'" } ?? "missing"
        return "\(location): \(field): \(found); expected \(expected)"
    }
}

/// Why a scenario could not be loaded; carries every issue found, not only the first.
public struct ScenarioError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        case fileNotFound = "file-not-found"
        case malformed = "malformed-yaml"
        case invalid = "invalid-scenario"
    }

    public var code: Code
    public var file: String
    public var issues: [ScenarioIssue]
    public var underlying: (any Error)?

    public var description: String {
        switch code {
        case .fileNotFound:
            guard let underlying else { return "no such file: \(file)" }
            return "\(file): cannot read the scenario file (\((underlying as NSError).localizedDescription))"
        case .malformed:
            return "\(file): not valid YAML: \(underlying.map { "\($0)" } ?? "")"
        case .invalid:
            let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            return "\(file): \(count):\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
        }
    }
}
