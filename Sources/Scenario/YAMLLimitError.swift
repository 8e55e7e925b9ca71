/// A YAML input refused because it exceeds a `YAMLBudget` limit, located where the limit was crossed.
public struct YAMLLimitError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The file or text is longer than `YAMLBudget.maximumBytes`.
        case tooLarge = "yaml-too-large"
        /// The document holds more nodes than `YAMLBudget.maximumNodes` once aliases are expanded.
        case tooManyNodes = "yaml-too-many-nodes"
        /// Lists and mappings nest deeper than `YAMLBudget.maximumDepth`.
        case tooDeep = "yaml-too-deep"
    }

    public var code: Code
    /// The file (or text) as named by the caller.
    public var file: String
    /// 1-based line and column where the limit was crossed; nil for the byte limit.
    public var line: Int?
    public var column: Int?
    /// The limit that was exceeded.
    public var limit: Int
    /// What was found: the byte count, or the node count or depth reached when reading stopped
    /// (reading stops at the first node past the limit, so it is a lower bound).
    public var found: Int

    public init(code: Code, file: String, line: Int? = nil, column: Int? = nil, limit: Int, found: Int) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.limit = limit
        self.found = found
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        switch code {
        case .tooLarge:
            return "\(location): refused: \(found) bytes is larger than the limit of \(limit) bytes for a YAML file"
        case .tooManyNodes:
            return "\(location): refused: more than \(limit) YAML nodes once aliases are expanded "
                + "(reading stopped here at \(found)); an alias (*name) counts every node of its anchor (&name) "
                + "each time it is used — write the values out or use fewer aliases"
        case .tooDeep:
            return "\(location): refused: lists and mappings nested more than \(limit) levels deep"
        }
    }
}
