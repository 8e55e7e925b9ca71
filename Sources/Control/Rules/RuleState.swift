/// Where one rule stands between evaluations (internal to `RuleEngine`).
struct RuleState: Sendable, Hashable {
    enum Phase: UInt8, Sendable {
        /// Condition not met (or not yet confirmed for long enough).
        case idle
        /// Condition met since `since`, waiting out the raise delay.
        case pendingRaise
        /// Alert active.
        case raised
        /// Alert active, measure beyond the clear level since `since`, waiting out the clear delay.
        case pendingClear

        var isAlerting: Bool { self == .raised || self == .pendingClear }
    }

    var phase = Phase.idle
    /// Start of the current pending phase, s.
    var since = 0.0
    /// Index into `RuleEngine.alerts` of the active alert, −1 when none.
    var alertIndex = -1
    /// Baseline rules: the reference mean in use (frozen while not idle), NaN when unknown.
    var baseline = Double.nan
}
