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
        let found = value.map { "found '\(Self.printable($0))'" } ?? "missing"
        return "\(location): \(field): \(found); expected \(expected)"
    }

    /// `text` as one readable line: control characters escaped (a newline in an id shows as
    /// `\n`), cut to `limit` characters (a 1 MB value does not become a 1 MB message).
    static func printable(_ text: String, limit: Int = 120) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            result += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        let length = text.unicodeScalars.count
        return length > limit ? result + "… (\(length) characters)" : result
    }
}

/// Why a scenario could not be loaded; carries every issue found, not only the first.
public struct ScenarioError: Error, CustomStringConvertible {
    public enum Code: String, Sendable {
        case fileNotFound = "file-not-found"
        case malformed = "malformed-yaml"
        case invalid = "invalid-scenario"
        /// Past a `YAMLBudget` limit (bytes, nodes after alias expansion, depth); the
        /// underlying ``YAMLLimitError`` says which and where.
        case tooLarge = "input-too-large"
    }

    public var code: Code
    public var file: String
    /// The first `IssueSink.maximumIssues` problems, in document order.
    public var issues: [ScenarioIssue]
    public var underlying: (any Error)?
    /// Problems found past those listed in `issues`.
    public var omittedIssues = 0

    public init(code: Code, file: String, issues: [ScenarioIssue], underlying: (any Error)? = nil) {
        self.code = code
        self.file = file
        self.issues = issues
        self.underlying = underlying
    }

    /// `invalid-scenario` with every issue `sink` collected.
    init(_ sink: IssueSink, file: String) {
        self.init(code: .invalid, file: file, issues: sink.issues)
        omittedIssues = sink.omitted
    }

    public var description: String {
        switch code {
        case .fileNotFound:
            guard let underlying else { return "no such file: \(file)" }
            return "\(file): cannot read the scenario file (\((underlying as NSError).localizedDescription))"
        case .tooLarge:
            return underlying.map { "\($0)" } ?? "\(file): refused: larger than TwinLab reads"
        case .malformed:
            // Yams quotes the offending line: cut each line, so a one-line megabyte stays short.
            let message = (underlying.map { "\($0)" } ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in line.count > 200 ? String(line.prefix(200)) + "…" : String(line) }.joined(separator: "\n")
            return "\(file): not valid YAML: \(message)"
        case .invalid:
            let total = issues.count + omittedIssues
            let count = total == 1 ? "1 problem" : "\(total) problems"
            let more = omittedIssues > 0 ? "\n  … and \(omittedIssues) more (fix these first)" : ""
            return "\(file): \(count):\n" + issues.map { "  " + $0.description }.joined(separator: "\n") + more
        }
    }
}
