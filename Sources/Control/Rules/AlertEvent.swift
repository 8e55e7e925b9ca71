/// A change in an alert's state produced by one `RuleEngine.evaluate` call.
///
/// Holds no strings so emitting it costs nothing; names come from
/// `RuleEngine.rules[ruleIndex]` and the message from `RuleEngine.message(for:)`.
public struct AlertEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable {
        /// The rule's condition held for its debounce time; a new alert began.
        case raised
        /// The signal stayed beyond the clear level for the clearing delay, or the schedule closed.
        case cleared
    }

    public let kind: Kind
    /// The `Alert.id` concerned.
    public let alertID: Int
    /// Index of the rule in `RuleEngine.rules`.
    public let ruleIndex: Int
    public let severity: RuleSeverity
    /// Simulation time of the evaluation that produced it, s.
    public let time: Double
    /// The signal reading at that time, signal unit.
    public let value: Double
    /// The measure compared with the threshold (reading, rate per hour, or ratio to baseline).
    public let measure: Double
}
