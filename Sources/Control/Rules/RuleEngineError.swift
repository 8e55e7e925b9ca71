/// A rule set that cannot be registered against the host's signals.
public enum RuleEngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A rule reads a signal the host does not provide; `suggestion` is the closest name.
    case unknownSignal(rule: String, signal: String, suggestion: String?)
    /// Two rules share an id (alerts are named by it).
    case duplicateRuleID(String)
    /// Two signal slots share a name.
    case duplicateSignal(String)

    public var description: String {
        switch self {
        case let .unknownSignal(rule, signal, suggestion):
            "rule \(rule) reads unknown signal '\(signal)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case let .duplicateRuleID(id): "two rules are named '\(id)'"
        case let .duplicateSignal(name): "signal '\(name)' is registered twice"
        }
    }
}
