/// The record of one alert, from the moment its rule raised it to the moment it cleared.
///
/// Times are seconds of simulation time. `peakValue` is the most extreme measure seen while
/// it was active (the reading for level rules; units per hour for rate rules; the ratio to
/// baseline for baseline rules), in the violating direction.
public struct Alert: Sendable, Hashable {
    /// Sequence number, 1, 2, 3 … in raising order; unique within one engine.
    public let id: Int
    /// Index of the rule in `RuleEngine.rules`.
    public let ruleIndex: Int
    /// The rule's id, e.g. `"temperature-critical"`.
    public let ruleID: String
    /// The rule's severity.
    public let severity: RuleSeverity
    /// When the condition was first seen in the run that led to raising, s (≤ `start` by the debounce).
    public let onset: Double
    /// When the alert was raised, s.
    public let start: Double
    /// When it cleared, s; nil while active.
    public internal(set) var end: Double?
    /// Most extreme measure while active, measure unit.
    public internal(set) var peakValue: Double
    /// When an operator acknowledged it, s; nil if not (yet).
    public internal(set) var acknowledgedAt: Double?
    /// Whether it ended because its rule's schedule closed rather than because the signal recovered.
    public internal(set) var endedBySchedule = false

    /// Whether it is still active.
    public var isActive: Bool { end == nil }
    /// How long it was (or has so far been) active at `time`, s.
    public func duration(at time: Double) -> Double { (end ?? time) - start }
}
